/**
 * Asynchronous chat calls: {@link io.llmadmin.services.jobs.ChatJobs#submit} stores the call and returns an id at once;
 * the call runs on Jakarta Concurrency's managed executor; clients poll its status
 * (PENDING/RUNNING/SUCCEEDED/FAILED) and read the answer or the failure.
 */
package io.llmadmin.services.jobs;
