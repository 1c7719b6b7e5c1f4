package io.llmadmin.web.archfixtures;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonObject;

/** Keeps the one-provider rule: builds JSON through the provider looked up once. */
public final class KeptJsonProvider {

    private KeptJsonProvider() {}

    public static JsonObject greeting() {
        return JSON.createObjectBuilder().add("hello", "world").build();
    }
}
