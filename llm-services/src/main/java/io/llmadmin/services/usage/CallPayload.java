package io.llmadmin.services.usage;

import io.llmadmin.domain.usage.UsagePayload;

/**
 * What a call of a model with the "log payloads" switch on sent and got back, as the request log shows it. Each side
 * is cut to {@link UsagePayload#MAX_CHARS} characters, ending in a marker that says how many were left out, so one
 * long conversation cannot fill the database.
 *
 * @param prompt the call's messages (JSON), or null
 * @param completion the answer's text, or null when there was none (a failure, or tool calls only)
 */
public record CallPayload(String prompt, String completion) {

    public CallPayload {
        prompt = bounded(prompt);
        completion = bounded(completion);
    }

    /** {@code text} cut to {@link UsagePayload#MAX_CHARS} characters with a marker; null stays null. */
    static String bounded(String text) {
        if (text == null || text.length() <= UsagePayload.MAX_CHARS) {
            return text;
        }
        int cut = UsagePayload.MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a character in two
        }
        return text.substring(0, cut) + "\n[truncated: " + (text.length() - cut) + " more characters]";
    }

    /**
     * A payload with every occurrence of {@code secret} (the provider key the call was sent with, should an upstream
     * echo it back) masked before the sides are cut, so no part of the key is ever kept.
     */
    public static CallPayload masking(String secret, String prompt, String completion) {
        return new CallPayload(mask(prompt, secret), mask(completion, secret));
    }

    private static String mask(String text, String secret) {
        return text == null || secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    @Override
    public String toString() {
        // a payload is user text: it is never written to a log line
        return "CallPayload[" + (prompt == null ? 0 : prompt.length()) + " + "
                + (completion == null ? 0 : completion.length()) + " chars]";
    }
}
