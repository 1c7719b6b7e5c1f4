package io.llmadmin.services.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Objects;

/**
 * Counts cl100k_base tokens. Every provider tokenizes differently; cl100k_base is the common yardstick the legacy
 * module used, close enough for OpenAI-style models and a fair estimate for the others. Thread-safe; the vocabulary is
 * loaded once, on first use.
 */
public final class TokenEstimator {

    /** The legacy module's safety margin: its estimate is the cl100k count times 1.1, rounded down. */
    static final double APPROXIMATION_BUFFER = 1.1;

    /** What OpenAI's chat format adds per message (role and separators), and once for the reply's priming. */
    static final int TOKENS_PER_MESSAGE = 4;

    static final int TOKENS_PER_REPLY = 3;

    private TokenEstimator() {}

    /**
     * The exact cl100k_base token count of a text. Special tokens such as {@code <|endoftext|>} are counted as the
     * ordinary text they are, as the legacy module did ({@code disallowed_special=()}).
     *
     * @throws NullPointerException naming {@code text} when it is null
     */
    public static int countTokens(String text) {
        Objects.requireNonNull(text, "text");
        return text.isEmpty() ? 0 : Cl100k.ENCODING.countTokensOrdinary(text);
    }

    /**
     * The legacy {@code approximate_tokens(text)}: {@code floor(1.1 × countTokens(text))}, computed in double precision
     * as Python did (1 → 1, 9 → 9, 10 → 11, "" → 0).
     */
    public static int approximateTokens(String text) {
        return (int) (countTokens(text) * APPROXIMATION_BUFFER);
    }

    /**
     * An estimate of the input tokens of a chat request: the tokens of every message's text plus OpenAI's framing
     * ({@value #TOKENS_PER_MESSAGE} per message, {@value #TOKENS_PER_REPLY} for the reply). What the rate limiter
     * reserves before the provider reports the true count.
     *
     * @param messageTexts the text of each message (system, user, assistant, tool), in order
     */
    public static int estimateChatInputTokens(List<String> messageTexts) {
        Objects.requireNonNull(messageTexts, "messageTexts");
        long total = TOKENS_PER_REPLY;
        for (String text : messageTexts) {
            total += TOKENS_PER_MESSAGE + countTokens(text == null ? "" : text);
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** Holds the encoding so that the vocabulary (1.7 MB) is read only when first needed. */
    private static final class Cl100k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    }
}
