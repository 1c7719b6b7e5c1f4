/**
 * Asynchronous LLM calls: a {@link io.llmadmin.domain.jobs.ChatJob} records a submitted call, its
 * {@link io.llmadmin.domain.jobs.JobStatus} and, once finished, its answer or its failure.
 */
package io.llmadmin.domain.jobs;
