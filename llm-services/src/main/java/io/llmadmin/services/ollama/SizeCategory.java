package io.llmadmin.services.ollama;

/**
 * How big a local model is on disk, in decimal gigabytes as Ollama reports sizes: small under 5 GB, medium 5 to 20 GB,
 * large over 20 GB. Ordered from small to large, so "at most medium" is a comparison.
 */
public enum SizeCategory {
    SMALL,
    MEDIUM,
    LARGE;

    static final long GB = 1_000_000_000L;

    public static SizeCategory of(long bytes) {
        if (bytes < 5 * GB) {
            return SMALL;
        }
        return bytes <= 20 * GB ? MEDIUM : LARGE;
    }

    /** Whether a model of this category fits under {@code max}. */
    public boolean atMost(SizeCategory max) {
        return compareTo(max) <= 0;
    }
}
