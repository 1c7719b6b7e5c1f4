package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every JSON endpoint against malformed, deep, huge, mistyped and out-of-range bodies in odd charsets: no answer is a
 * 500 (the gateway may answer 502-504 for a body that turns out valid: its model's provider is a closed port), and
 * nothing is stored (the counts of models, users and keys and the fuzzed model and user are as before). The bodies
 * come from a fixed seed, so a failure can be replayed.
 */
class JsonEndpointsFuzzIT {

    private static final List<String> FIELDS = List.of(
            "id",
            "type",
            "provider",
            "providerModelName",
            "displayName",
            "contextLength",
            "sortOrder",
            "limits",
            "parameters",
            "active",
            "version",
            "name",
            "allowedModels",
            "username",
            "password",
            "role",
            "currentPassword",
            "newPassword",
            "model",
            "messages",
            "n",
            "max_tokens",
            "temperature",
            "stream",
            "input");
    private static final List<String> VALUES = List.of(
            "\"x\"",
            "\"12\"",
            "1",
            "0.5",
            "-1",
            "1e400",
            "4294967296",
            "18446744073709551617",
            "1e999999999",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            "[1,\"a\",null]",
            "{\"requestsPerMinute\":4294967296}",
            "\"\\u0000\"",
            "\"" + "z".repeat(5000) + "\"");
    private static final List<String> MALFORMED = List.of(
            "",
            " ",
            "{",
            "[",
            "}",
            "nul",
            "{\"a\":}",
            "{\"a\" 1}",
            "{'a':1}",
            "{\"a\":1,}",
            "{\"a\":1}{\"b\":2}",
            "{\"a\":1} trailing",
            "\"just a string\"",
            "42",
            "[{}]",
            "{\"a\":\"\\uD800\"}",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "\uFEFF{\"a\":1}");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=ebcdic",
            "application/json; charset=UTF-16",
            "application/json; charset=\"utf-8\"",
            "application/json; charset=",
            "text/plain",
            "application/xml",
            "application/merge-patch+json");

    @Test
    void should_never_answer_500_nor_store_anything_whatever_the_body() {
        String model = Probe.unique("fuzz-model");
        assertThat(Probe.json("POST", "/api/admin/models", admin(), MalformedInputIT.model(model))
                        .statusCode())
                .isEqualTo(201);
        String user = Probe.unique("fuzz-user");
        assertThat(Probe.json(
                                "POST",
                                "/api/admin/users",
                                admin(),
                                "{\"username\":\"" + user + "\",\"password\":\"fuzzed-user-password\","
                                        + "\"role\":\"viewer\"}")
                        .statusCode())
                .isEqualTo(201);
        String gateway = "Bearer " + GatewayFixture.token();
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/api/admin/models", admin()},
                new String[] {"PUT", "/api/admin/models/" + model, admin()},
                new String[] {"PATCH", "/api/admin/models/" + model, admin()},
                new String[] {"POST", "/api/admin/users", admin()},
                new String[] {"PATCH", "/api/admin/users/" + user, admin()},
                new String[] {"PUT", "/api/admin/users/" + user + "/password", admin()},
                new String[] {"PUT", "/api/admin/me/password", Probe.basic(user, "fuzzed-user-password")},
                new String[] {"POST", "/api/admin/gateway-keys", admin()},
                new String[] {"POST", "/api/admin/imports/fixture?dryRun=true", admin()},
                new String[] {"POST", "/api/admin/imports/settings?dryRun=true", admin()},
                new String[] {"POST", "/api/admin/imports/django", admin()},
                new String[] {"POST", "/openai/v1/chat/completions", gateway},
                new String[] {"POST", "/openai/v1/embeddings", gateway});
        String modelBefore = Probe.get("/api/admin/models/" + model, admin()).body();
        String userBefore = Probe.get("/api/admin/users/" + user, admin()).body();
        long models = total("/api/admin/models?size=1");
        int users = users();
        String keys = Probe.get("/api/admin/gateway-keys", admin()).body();

        List<String> failures = new ArrayList<>();
        Random random = new Random(17);
        int requests = 0;
        for (String[] endpoint : endpoints) {
            for (byte[] body : bodies(random)) {
                String contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
                HttpResponse<String> answer = Probe.send(endpoint[0], endpoint[1], endpoint[2], contentType, body);
                requests++;
                int status = answer.statusCode();
                boolean gatewayUpstream = endpoint[1].startsWith("/openai/") && status >= 502 && status <= 504;
                if (status >= 500 && !gatewayUpstream) {
                    failures.add(endpoint[0] + " " + endpoint[1] + " " + contentType + " -> " + status + ": "
                            + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8));
                }
            }
        }

        assertThat(failures)
                .as("answers of 500 among " + requests + " requests")
                .isEmpty();
        assertThat(Probe.get("/api/admin/models/" + model, admin()).body()).isEqualTo(modelBefore);
        assertThat(Probe.get("/api/admin/users/" + user, admin()).body()).isEqualTo(userBefore);
        assertThat(total("/api/admin/models?size=1")).isEqualTo(models);
        assertThat(users()).isEqualTo(users);
        assertThat(Probe.get("/api/admin/gateway-keys", admin()).body()).isEqualTo(keys);
        Probe.send("DELETE", "/api/admin/models/" + model, admin(), null, null);
        Probe.send("DELETE", "/api/admin/users/" + user, admin(), null, null);
    }

    /** Malformed texts, each field with each wrong value, deep nesting, a huge body and invalid UTF-8. */
    private static List<byte[]> bodies(Random random) {
        List<byte[]> bodies = new ArrayList<>();
        MALFORMED.forEach(text -> bodies.add(text.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 30; i++) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            String value = VALUES.get(random.nextInt(VALUES.size()));
            String other = FIELDS.get(random.nextInt(FIELDS.size()));
            String otherValue = VALUES.get(random.nextInt(VALUES.size()));
            bodies.add(("{\"" + field + "\":" + value + ",\"" + other + "\":" + otherValue + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(("{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}").getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":" + "{\"b\":".repeat(1500) + "1" + "}".repeat(1501)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"name\":\"" + "h".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        return bodies;
    }

    private static int users() {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(
                new java.io.StringReader(Probe.get("/api/admin/users", admin()).body()))) {
            return reader.readArray().size();
        }
    }

    private static long total(String path) {
        return Probe.parse(Probe.get(path, admin())).getJsonNumber("totalItems").longValue();
    }
}
