package io.llmadmin.services.ollama;

/** Picks a catalog model by what a caller needs of it. */
public interface ModelSelection {

    /**
     * The active catalog models that fit, ranked: smallest known size first (unknown sizes last), then lowest measured
     * latency (unused models last), then id.
     *
     * @throws NoSuitableModelException when none fits (the message says what was asked)
     */
    ModelChoice select(SelectionCriteria criteria);
}
