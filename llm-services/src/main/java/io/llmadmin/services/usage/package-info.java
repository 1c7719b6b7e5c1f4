/**
 * Every LLM call counted: {@link io.llmadmin.services.usage.UsageRecorder} takes one
 * {@link io.llmadmin.services.usage.UsageEvent} per call without waiting on the database (a bounded queue drained in
 * batches by a background writer, flushed on shutdown), and {@link io.llmadmin.services.usage.UsageReports} sums them
 * per model over a time range for the console.
 */
package io.llmadmin.services.usage;
