package io.llmadmin.migration.legacy;

import java.util.ArrayList;
import java.util.List;

/** A vault stand-in that keeps what it is handed, as admin-web's vault would receive it. */
final class CollectingSink implements SecretSink {

    record Stored(String provider, String label, String secret) {}

    final List<Stored> stored = new ArrayList<>();

    @Override
    public void store(String provider, String label, String secret) {
        stored.add(new Stored(provider, label, secret));
    }
}
