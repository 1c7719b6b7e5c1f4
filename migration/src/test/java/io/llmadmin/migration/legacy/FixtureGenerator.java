package io.llmadmin.migration.legacy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic {@code manage.py dumpdata} fixture of any size, one record at a time (no huge file is committed):
 * configuration rows spread over the providers and types of the legacy app, each with limits and nested kwargs.
 */
final class FixtureGenerator {

    private static final List<String> PROVIDERS =
            List.of("openai", "anthropic", "gemini", "ollama", "mistral", "groq", "openrouter", "deepseek");

    private FixtureGenerator() {}

    static String configurationRecord(int i) {
        String provider = PROVIDERS.get(i % PROVIDERS.size());
        return String.format(
                Locale.ROOT,
                "{\"model\": \"llm.modelconfiguration\", \"pk\": %d, \"fields\": {\"type\": \"%s\", \"provider\": \"%s\","
                        + " \"name\": \"%s/bench-model-%d\", \"api_base\": \"%s\", \"ctx_length\": %d,"
                        + " \"limit_requests\": %d, \"limit_input\": %d, \"limit_output\": %d, \"vision\": %s,"
                        + " \"kwargs\": {\"temperature\": 0.%d, \"extra\": {\"tags\": [\"bench\", \"row-%d\"]}}}}",
                i + 1,
                i % 5 == 0 ? "Embedding" : "Chat",
                provider,
                provider,
                i,
                i % 3 == 0 ? "" : "http://127.0.0.1:" + (8000 + i % 100) + "/v1",
                4096 * (1 + i % 32),
                i % 120,
                1000 * (i % 50),
                500 * (i % 20),
                i % 2 == 0,
                i % 10,
                i);
    }

    /** Writes {@code rows} configuration records to {@code file}. */
    static void write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < rows; i++) {
                if (i > 0) {
                    out.write(",\n");
                }
                out.write(configurationRecord(i));
            }
            out.write("\n]\n");
        }
    }
}
