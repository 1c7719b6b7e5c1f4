package io.llmadmin.services.vault.internal;

/**
 * A stored secret once decrypted, kept by the vault beside the encrypted credential it came from so that a call does
 * not decrypt it again. It adds no exposure: the clear text already lives in this process for as long as the provider
 * client built with it is cached. It is never printed ({@link #toString()} names no part of it), not serializable,
 * not a record (whose generated {@code toString} would print it), and only the vault's call path reads it.
 */
final class OpenedSecret {

    private final String clear;

    OpenedSecret(String clear) {
        this.clear = clear;
    }

    String clear() {
        return clear;
    }

    @Override
    public String toString() {
        return "OpenedSecret[hidden]";
    }
}
