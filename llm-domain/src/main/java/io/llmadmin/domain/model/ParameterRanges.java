package io.llmadmin.domain.model;

/**
 * The sampling parameters a call to a model may carry: temperature and top_p within their ranges, and at most
 * {@code maxOutputTokens} tokens asked for ({@code 0} = up to the context length).
 *
 * @param temperatureMin the lowest temperature accepted, {@code >= 0}
 * @param temperatureMax the highest temperature accepted, {@code <= 2}
 * @param topPMin the lowest top_p accepted, {@code >= 0}
 * @param topPMax the highest top_p accepted, {@code <= 1}
 * @param maxOutputTokens the largest max_tokens accepted; 0 means the context length is the only bound
 */
public record ParameterRanges(
        double temperatureMin, double temperatureMax, double topPMin, double topPMax, int maxOutputTokens) {

    /** The widest ranges the OpenAI-style APIs accept: temperature 0-2, top_p 0-1, max_tokens up to the context. */
    public static final ParameterRanges DEFAULT = new ParameterRanges(0.0, 2.0, 0.0, 1.0, 0);

    /** The highest temperature any model may declare. */
    public static final double TEMPERATURE_LIMIT = 2.0;

    /** The highest top_p any model may declare. */
    public static final double TOP_P_LIMIT = 1.0;

    public ParameterRanges {
        if (!(temperatureMin >= 0 && temperatureMin <= temperatureMax && temperatureMax <= TEMPERATURE_LIMIT)) {
            throw new IllegalArgumentException("temperature range must satisfy 0 <= min <= max <= 2, was "
                    + temperatureMin + ".." + temperatureMax);
        }
        if (!(topPMin >= 0 && topPMin <= topPMax && topPMax <= TOP_P_LIMIT)) {
            throw new IllegalArgumentException(
                    "top_p range must satisfy 0 <= min <= max <= 1, was " + topPMin + ".." + topPMax);
        }
        if (maxOutputTokens < 0) {
            throw new IllegalArgumentException("maxOutputTokens must be >= 0 (0 = up to the context length)");
        }
    }

    /** Whether a temperature may be sent to this model. */
    public boolean allowsTemperature(double temperature) {
        return temperature >= temperatureMin && temperature <= temperatureMax;
    }

    /** Whether a top_p may be sent to this model. */
    public boolean allowsTopP(double topP) {
        return topP >= topPMin && topP <= topPMax;
    }

    /** Whether max_tokens may be asked of a model with this context length (0 = unknown context). */
    public boolean allowsMaxTokens(int maxTokens, int contextLength) {
        if (maxTokens < 1) {
            return false;
        }
        boolean withinOwnBound = maxOutputTokens == 0 || maxTokens <= maxOutputTokens;
        boolean withinContext = contextLength == 0 || maxTokens <= contextLength;
        return withinOwnBound && withinContext;
    }
}
