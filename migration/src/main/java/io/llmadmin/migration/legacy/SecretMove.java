package io.llmadmin.migration.legacy;

import java.util.Objects;

/**
 * An API key found in the legacy data, by provider, label and its last four characters only.
 *
 * @param reference the row it was found in
 * @param provider the provider it is for
 * @param label the label it is stored under
 * @param lastFour its last four characters ({@code ****} for keys shorter than eight)
 * @param disposition what became of it
 */
public record SecretMove(String reference, String provider, String label, String lastFour, Disposition disposition) {

    /** What became of a key. */
    public enum Disposition {
        /** Handed to the vault (the run committed). */
        MOVED,
        /** The vault already held it under this provider and label: nothing moved. */
        ALREADY_STORED,
        /** Would be handed to the vault (dry run). */
        WOULD_MOVE,
        /** Dropped on the caller's request (no vault). */
        DROPPED,
        /** Not imported: its row was rejected, or the run wrote nothing. */
        NOT_MOVED
    }

    public SecretMove {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(lastFour, "lastFour");
        Objects.requireNonNull(disposition, "disposition");
    }

    /** The last four characters of a key, or {@code ****} when the key is too short to show any of it. */
    public static String lastFourOf(String secret) {
        return secret == null || secret.length() < 8 ? "****" : secret.substring(secret.length() - 4);
    }
}
