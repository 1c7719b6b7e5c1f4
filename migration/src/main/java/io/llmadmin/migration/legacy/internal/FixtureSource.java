package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportSourceKind;
import io.llmadmin.migration.legacy.FixtureModels;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.LegacyRowStream;
import io.llmadmin.migration.legacy.LegacySource;
import io.llmadmin.migration.legacy.LegacySourceException;
import io.llmadmin.migration.legacy.RowKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * A {@code manage.py dumpdata} fixture, read with the streaming JSON-P parser one record at a time: only the record
 * being read is in memory, however large the file. Records of the two configured models become rows; every other
 * record is counted as ignored. A fixture that is not a JSON array of records fails the run.
 */
public final class FixtureSource implements LegacySource {

    private final String description;
    private final Callable<InputStream> input;
    private final FixtureModels models;

    public FixtureSource(String description, Callable<InputStream> input, FixtureModels models) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        this.description = description;
        this.input = Objects.requireNonNull(input, "input");
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public ImportSourceKind kind() {
        return ImportSourceKind.DJANGO_FIXTURE;
    }

    @Override
    public String description() {
        return "fixture " + description;
    }

    @Override
    public LegacyRowStream open() {
        InputStream stream;
        try {
            stream = input.call();
        } catch (Exception e) {
            throw new LegacySourceException("fixture " + description + " cannot be opened: " + e.getMessage(), e);
        }
        return new Rows(stream);
    }

    private final class Rows implements LegacyRowStream {

        private final InputStream stream;
        private final JsonParser parser;
        private final Map<String, Integer> ignored = new TreeMap<>();
        private boolean started;
        private boolean finished;

        Rows(InputStream stream) {
            this.stream = stream;
            this.parser = Json.createParser(JsonText.strictUtf8(stream));
        }

        @Override
        public LegacyRow next() {
            try {
                return read();
            } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
                throw new LegacySourceException(
                        "fixture " + description + " is not a valid dumpdata JSON array" + JsonText.where(e), e);
            }
        }

        private LegacyRow read() {
            if (finished) {
                return null;
            }
            if (!started) {
                if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
                    throw new LegacySourceException(
                            "fixture " + description + " is not a dumpdata JSON array (it must start with '[')");
                }
                started = true;
            }
            if (!parser.hasNext()) {
                throw new LegacySourceException("fixture " + description + " ends before its closing ']'");
            }
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                finished = true;
                JsonText.requireEnd(parser, "fixture " + description);
                return null;
            }
            if (event != JsonParser.Event.START_OBJECT) {
                throw new LegacySourceException("fixture " + description + " holds something other than a record"
                        + where() + ": every element must be an object");
            }
            return record();
        }

        private LegacyRow record() {
            String model = null;
            String pk = null;
            Map<String, String> fields = null;
            JsonParser.Event event;
            while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                switch (key) {
                    case "model" -> model = JsonText.current(parser, value);
                    case "pk" -> pk = JsonText.current(parser, value);
                    case "fields" -> {
                        if (value != JsonParser.Event.START_OBJECT) {
                            throw new LegacySourceException(
                                    "fixture " + description + ": a record's fields must be an object" + where());
                        }
                        if (model != null && !wanted(model)) {
                            parser.skipObject();
                        } else {
                            fields = fields();
                        }
                    }
                    default -> JsonText.current(parser, value);
                }
            }
            String label = model == null ? "" : model.toLowerCase(Locale.ROOT);
            String reference = (model == null ? "record" : model) + " pk=" + pk;
            if (label.equals(models.configurationModel())) {
                return new LegacyRow(RowKind.CONFIGURATION, reference, fields == null ? Map.of() : fields);
            }
            if (label.equals(models.metadataModel())) {
                Map<String, String> values = new LinkedHashMap<>(fields == null ? Map.of() : fields);
                if (pk != null) {
                    values.put(LegacyRow.ID, pk);
                }
                return new LegacyRow(RowKind.METADATA, reference, values);
            }
            ignored.merge(model == null ? "(no model)" : model, 1, Integer::sum);
            return new LegacyRow(RowKind.IGNORED, reference, Map.of(LegacyRow.REASON, "not a model configuration"));
        }

        private boolean wanted(String model) {
            String label = model.toLowerCase(Locale.ROOT);
            return label.equals(models.configurationModel()) || label.equals(models.metadataModel());
        }

        private Map<String, String> fields() {
            Map<String, String> values = new LinkedHashMap<>();
            JsonParser.Event event;
            while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
                String key = parser.getString();
                String value = JsonText.current(parser, parser.next());
                if (value != null) {
                    values.put(key, value);
                }
            }
            return values;
        }

        private String where() {
            var location = parser.getLocation();
            return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
        }

        @Override
        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            ignored.forEach((model, count) -> notes.add("ignored " + count + " record(s) of " + model));
            return notes;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (JsonException e) {
                // closing after a parse failure; the stream is closed below
            }
            try {
                stream.close();
            } catch (IOException e) {
                // nothing was written; nothing to lose
            }
        }
    }
}
