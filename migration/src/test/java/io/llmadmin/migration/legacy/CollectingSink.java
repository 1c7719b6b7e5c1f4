package io.llmadmin.migration.legacy;

import java.util.ArrayList;
import java.util.List;

/** A vault stand-in that keeps what it is handed, as admin-web's vault would receive it. */
final class CollectingSink implements SecretSink {

    record Stored(String provider, String label, String secret) {}

    final List<Stored> stored = new ArrayList<>();

    /** Like the vault: a key already stored under this provider and label is not stored again. */
    @Override
    public boolean holds(String provider, String label, String secret) {
        return stored.contains(new Stored(provider, label, secret));
    }

    @Override
    public void store(String provider, String label, String secret) {
        stored.add(new Stored(provider, label, secret));
    }
}
