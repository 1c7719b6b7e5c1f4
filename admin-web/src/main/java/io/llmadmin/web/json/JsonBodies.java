package io.llmadmin.web.json;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * Reads a request body as one JSON object, the same way for every JSON endpoint. Nesting deeper than
 * {@link #MAX_DEPTH} is refused before any tree is built (a body nested 1,000+ levels used to fail as a 500 with a
 * stack trace in the log); the size is bounded before this, by {@code RequestLimitsFilter}. Everything that is not one
 * well-formed JSON object, trailing text after it included, is a {@link JsonBodyException} on the field {@code body}.
 */
public final class JsonBodies {

    /** Deeper than any request of these APIs needs (a chat message's content part is 4 levels down). */
    public static final int MAX_DEPTH = 32;

    private JsonBodies() {}

    /** The body as a JSON object. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new JsonBodyException("body", "is empty; send a JSON object");
        }
        checkDepth(body);
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new JsonBodyException("body", "must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | ArithmeticException | NumberFormatException e) {
            throw new JsonBodyException("body", "is not valid JSON; send one JSON object");
        }
    }

    /** Walks the body with the streaming parser (no recursion, no tree) and refuses it once it nests too deep. */
    static void checkDepth(String body) {
        int depth = 0;
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > MAX_DEPTH) {
                        throw new JsonBodyException(
                                "body", "nests deeper than " + MAX_DEPTH + " levels of objects and arrays");
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
        } catch (JsonException | IllegalStateException | ArithmeticException | NumberFormatException e) {
            throw new JsonBodyException("body", "is not valid JSON; send one JSON object");
        }
    }
}
