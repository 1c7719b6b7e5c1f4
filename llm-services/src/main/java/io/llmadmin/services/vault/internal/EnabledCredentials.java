package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The vault's memory of one provider: its enabled credentials as read at {@code loadedAt}, and their secrets once decrypted, by credential id
 * and secret position (the credentials held here never change: a change replaces the whole entry). A secret that
 * cannot be decrypted is not kept, so every call says so.
 */
final class EnabledCredentials {

    private final List<ApiCredential> credentials;
    private final Instant loadedAt;
    private final ConcurrentMap<Long, OpenedSecret[]> opened = new ConcurrentHashMap<>();

    EnabledCredentials(List<ApiCredential> credentials, Instant loadedAt) {
        this.credentials = credentials;
        this.loadedAt = loadedAt;
    }

    List<ApiCredential> credentials() {
        return credentials;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    String opened(ApiCredential credential, int index, Opener opener) {
        List<CredentialSecret> secrets = credential.secrets();
        OpenedSecret[] ofCredential = opened.computeIfAbsent(credential.id(), id -> new OpenedSecret[secrets.size()]);
        OpenedSecret secret = ofCredential[index];
        if (secret == null) {
            // Two threads may both decrypt the first time; they write the same clear text.
            secret = new OpenedSecret(opener.open(credential, secrets.get(index)));
            ofCredential[index] = secret;
        }
        return secret.clear();
    }

    /** Decrypts one stored secret of a credential. */
    @FunctionalInterface
    interface Opener {
        String open(ApiCredential credential, CredentialSecret secret);
    }

    @Override
    public String toString() {
        return "EnabledCredentials[" + credentials.size() + " credential(s) loaded at " + loadedAt + "]";
    }
}
