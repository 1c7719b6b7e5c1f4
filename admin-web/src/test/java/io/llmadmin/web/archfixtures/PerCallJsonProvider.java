package io.llmadmin.web.archfixtures;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Breaks the one-provider rule: builds JSON through {@code Json}, which looks the provider up on every call. */
public final class PerCallJsonProvider {

    private PerCallJsonProvider() {}

    public static JsonObject greeting() {
        return Json.createObjectBuilder().add("hello", "world").build();
    }
}
