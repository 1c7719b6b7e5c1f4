package io.llmadmin.services.llm;

/**
 * Receives a {@link CallRecord} after every upstream attempt (success, failure or cancellation), including retries and
 * fallbacks. Usage recording plugs in here. Called on the request path: implementations must be quick and must not
 * throw (what they throw is logged and dropped).
 */
@FunctionalInterface
public interface CallRecorder {

    void record(CallRecord record);

    /** Records nothing. */
    static CallRecorder none() {
        return record -> {};
    }
}
