package io.llmadmin.web.gateway;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON text we made or checked ourselves back into a value. */
final class GatewayJson {

    private GatewayJson() {}

    static JsonValue parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
