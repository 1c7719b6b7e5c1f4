package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.LegacyRowStream;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.LegacySourceException;
import io.llmadmin.migration.legacy.RowKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The legacy agent's settings JSON ({@code tmp/settings.json}): one object whose model settings come in four families,
 * {@code chat_model_}, {@code util_model_}, {@code embed_model_} and {@code browser_model_}, each with {@code provider},
 * {@code name}, {@code api_base}, {@code kwargs}, {@code ctx_length}, {@code vision}, {@code rl_requests}, {@code
 * rl_input}, {@code rl_output} (any of them may be absent). Each family with a name becomes one configuration row
 * (type Embedding for {@code embed_model}, Chat for the others); a family without a name is ignored. Keys are read
 * from {@code <family>_api_key} (attached to the family's row), from the {@code api_keys} object ({@code {"openai":
 * "sk-..."}}) and from top-level {@code api_key_<provider>} / {@code <provider>_api_key} fields (rows of their own).
 * The file is small; it is read with the streaming parser all the same.
 */
public final class AgentSettingsSource implements LegacySource {

    static final List<String> FAMILIES = List.of("chat_model", "util_model", "embed_model", "browser_model");

    private final String description;
    private final Callable<InputStream> input;

    public AgentSettingsSource(String description, Callable<InputStream> input) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        this.description = description;
        this.input = Objects.requireNonNull(input, "input");
    }

    @Override
    public ImportSourceKind kind() {
        return ImportSourceKind.AGENT_SETTINGS;
    }

    @Override
    public String description() {
        return "settings " + description;
    }

    @Override
    public LegacyRowStream open() {
        Map<String, JsonValue> settings = read();
        List<LegacyRow> rows = new ArrayList<>();
        for (String family : FAMILIES) {
            family(settings, family, rows);
        }
        secrets(settings, rows);
        Iterator<LegacyRow> iterator = rows.iterator();
        return new LegacyRowStream() {
            @Override
            public LegacyRow next() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public void close() {
                // read whole at open; nothing held open
            }
        };
    }

    private Map<String, JsonValue> read() {
        try (InputStream stream = input.call();
                JsonParser parser = Json.createParser(JsonText.strictUtf8(stream))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new LegacySourceException("settings " + description + " is not a JSON object");
            }
            Map<String, JsonValue> settings = new LinkedHashMap<>();
            JsonParser.Event event;
            while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
                if (event != JsonParser.Event.KEY_NAME) {
                    throw new LegacySourceException("settings " + description + " is not a JSON object");
                }
                String key = parser.getString();
                parser.next();
                settings.put(key, parser.getValue());
            }
            JsonText.requireEnd(parser, "settings " + description);
            return settings;
        } catch (LegacySourceException e) {
            throw e;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new LegacySourceException("settings " + description + " is not valid JSON" + JsonText.where(e), e);
        } catch (Exception e) {
            throw new LegacySourceException("settings " + description + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void family(Map<String, JsonValue> settings, String family, List<LegacyRow> rows) {
        String prefix = family + "_";
        boolean present = settings.keySet().stream().anyMatch(key -> key.startsWith(prefix));
        if (!present) {
            return;
        }
        String reference = "settings " + family;
        String name = text(settings, prefix + "name");
        if (name == null || name.isBlank()) {
            rows.add(
                    new LegacyRow(RowKind.IGNORED, reference, Map.of(LegacyRow.REASON, family + " has no model name")));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(LegacyRow.TYPE, family.equals("embed_model") ? "Embedding" : "Chat");
        put(fields, LegacyRow.NAME, name);
        put(fields, LegacyRow.PROVIDER, text(settings, prefix + "provider"));
        put(fields, LegacyRow.API_BASE, text(settings, prefix + "api_base"));
        put(fields, LegacyRow.KWARGS, text(settings, prefix + "kwargs"));
        put(fields, LegacyRow.CTX_LENGTH, text(settings, prefix + "ctx_length"));
        put(fields, LegacyRow.VISION, text(settings, prefix + "vision"));
        put(fields, LegacyRow.LIMIT_REQUESTS, text(settings, prefix + "rl_requests"));
        put(fields, LegacyRow.LIMIT_INPUT, text(settings, prefix + "rl_input"));
        put(fields, LegacyRow.LIMIT_OUTPUT, text(settings, prefix + "rl_output"));
        put(fields, LegacyRow.API_KEY, text(settings, prefix + "api_key"));
        rows.add(new LegacyRow(RowKind.CONFIGURATION, reference, fields));
    }

    private static void secrets(Map<String, JsonValue> settings, List<LegacyRow> rows) {
        for (Map.Entry<String, JsonValue> entry : settings.entrySet()) {
            String key = entry.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("api_keys") && entry.getValue() instanceof JsonObject keys) {
                keys.forEach((provider, value) -> secret(rows, "settings api_keys." + provider, provider, value));
            } else if (FAMILIES.stream().noneMatch(family -> lower.startsWith(family + "_"))) {
                if (lower.startsWith("api_key_") && lower.length() > "api_key_".length()) {
                    secret(rows, "settings " + key, key.substring("api_key_".length()), entry.getValue());
                } else if (lower.endsWith("_api_key") && lower.length() > "_api_key".length()) {
                    secret(
                            rows,
                            "settings " + key,
                            key.substring(0, key.length() - "_api_key".length()),
                            entry.getValue());
                }
            }
        }
    }

    private static void secret(List<LegacyRow> rows, String reference, String provider, JsonValue value) {
        String secret = JsonText.of(value);
        if (value.getValueType() != JsonValue.ValueType.STRING || secret == null || secret.isBlank()) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(LegacyRow.PROVIDER, provider);
        fields.put(LegacyRow.LABEL, "imported:settings");
        fields.put(LegacyRow.API_KEY, secret);
        rows.add(new LegacyRow(RowKind.SECRET, reference, fields));
    }

    private static String text(Map<String, JsonValue> settings, String key) {
        JsonValue value = settings.get(key);
        return value == null ? null : JsonText.of(value);
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
