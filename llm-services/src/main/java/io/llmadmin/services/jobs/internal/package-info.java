/** Jobs on JPA and Jakarta Concurrency's managed executor. */
package io.llmadmin.services.jobs.internal;
