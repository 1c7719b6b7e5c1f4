package io.llmadmin.services.usage;

/**
 * Counts LLM calls. {@link #record(UsageEvent)} returns at once: events wait in a bounded in-memory queue and are
 * written in batches by a background writer, and whatever is queued when the application stops is written before it
 * stops.
 *
 * <p>When the queue is full (the database is slower than the calls, or down) the caller is <em>slowed</em>: it waits
 * for room rather than lose the record, because every call must be counted and a full queue means the writer is
 * behind, which back-pressure corrects. An interrupt does not drop the record either; the interrupt flag is restored.
 * While the database is down, records wait and are written once it is back. The one record ever dropped is one the
 * database refuses while it accepts the others of its batch; it is logged in full (SEVERE) instead.
 */
public interface UsageRecorder {

    void record(UsageEvent event);
}
