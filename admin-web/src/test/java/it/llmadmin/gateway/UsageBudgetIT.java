package it.llmadmin.gateway;

import static it.llmadmin.ServerUnderTest.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prices, budgets and the usage API through the running server: a model priced per million tokens, served by the
 * loopback stub (11 prompt and 4 completion tokens per answer: 0.0031 USD at the prices below), and a gateway key with
 * a daily budget of 0.01 USD. Concurrent calls may not together spend more than the budget; the refused ones get
 * OpenAI's 429 {@code insufficient_quota} naming the budget; the usage API and the request log show the calls.
 */
class UsageBudgetIT {

    private static final BigDecimal BUDGET = new BigDecimal("0.01");
    private static final BigDecimal COST_PER_ANSWER = new BigDecimal("0.0031");
    /** Long enough that our input estimate is above the stub's 11 prompt tokens: the hold covers the real cost. */
    private static final String PROMPT =
            "Please say hello to the budget test in exactly one short and friendly sentence";

    private static UpstreamStub stub;
    private static String model;
    private static JsonObject budgetedKey;
    private static JsonObject otherKey;
    private static Instant started;

    @BeforeAll
    static void pricedModelAndBudgetedKey() throws Exception {
        started = Instant.now().minusSeconds(5);
        stub = new UpstreamStub();
        model = GatewayAdmin.unique("it-priced");
        GatewayAdmin.createChatModel(model, UpstreamStub.ANSWER_MODEL, stub.apiBase());
        HttpResponse<String> priced = GatewayAdmin.post(
                "/api/admin/models/" + model + "/prices",
                "{\"currency\":\"USD\",\"inputPerMillion\":100,\"outputPerMillion\":500}");
        assertEquals(201, priced.statusCode(), priced.body());
        budgetedKey = GatewayAdmin.issueKey(GatewayAdmin.unique("it-budget"), "[\"" + model + "\"]", "{}");
        otherKey = GatewayAdmin.issueKey(GatewayAdmin.unique("it-nobudget"), "[\"" + model + "\"]", "{}");
        HttpResponse<String> budget = GatewayAdmin.post(
                "/api/admin/budgets",
                "{\"scope\":\"KEY\",\"subject\":\"" + budgetedKey.getString("name")
                        + "\",\"amount\":0.01,\"currency\":\"USD\",\"period\":\"DAY\"}");
        assertEquals(201, budget.statusCode(), budget.body());
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(budgetedKey);
        GatewayAdmin.revokeQuietly(otherKey);
        if (model != null) {
            // An active model left behind would join the frontend's byte-exact /v1/models list (ModelsEndpointIT).
            GatewayAdmin.deleteModelQuietly(model);
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void concurrentCallsNeverSpendMoreThanTheBudgetAndTheUsageApiShowsThem() throws Exception {
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return chat(budgetedKey.getString("token"));
                }));
            }
            go.countDown();
            int succeeded = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    succeeded++;
                } else {
                    assertEquals(429, response.statusCode(), response.body());
                    JsonObject error = GatewayAdmin.json(response).getJsonObject("error");
                    assertEquals("insufficient_quota", error.getString("code"));
                    assertEquals("insufficient_quota", error.getString("type"));
                    assertTrue(
                            error.getString("message").contains(budgetedKey.getString("name")),
                            error.getString("message"));
                    refused++;
                }
            }
            assertTrue(succeeded >= 1, "the budget allows at least one call");
            for (Future<HttpResponse<String>> answer : answers) {
                assertTrue(
                        answer.get()
                                .headers()
                                .firstValue("x-request-id")
                                .orElse("")
                                .startsWith("req_"),
                        "every answer, refusals too, names its request");
            }
            assertTrue(refused >= 1, "6 calls of 0.0031 USD cannot all fit in 0.01 USD");

            // A call afterwards is refused too: what was spent plus this call's worst case passes the budget.
            HttpResponse<String> after = chat(budgetedKey.getString("token"));
            assertEquals(429, after.statusCode(), after.body());

            // The other key has no budget: its call goes through and is logged under its own name.
            assertEquals(200, chat(otherKey.getString("token")).statusCode());

            // every refusal (refused + the one after) is a usage row of its own: no tokens, no cost
            JsonArray refusals = awaitCalls(budgetedKey.getString("name"), "BUDGET_REFUSED", refused + 1);
            assertEquals(refused + 1, refusals.size(), refusals.toString());
            for (JsonValue value : refusals) {
                assertEquals(0, value.asJsonObject().getInt("tokensIn"));
                assertEquals(0, new BigDecimal(value.asJsonObject().getString("cost")).signum());
            }
            JsonArray logged = awaitCalls(budgetedKey.getString("name"), "SUCCESS", succeeded);
            BigDecimal spent = BigDecimal.ZERO;
            for (JsonValue value : logged) {
                JsonObject call = value.asJsonObject();
                assertEquals(budgetedKey.getString("name"), call.getString("gatewayKey"));
                assertEquals(model, call.getString("modelId"));
                assertEquals("USD", call.getString("currency"));
                assertTrue(!call.containsKey("prompt") && !call.toString().contains(PROMPT), "no prompt text");
                spent = spent.add(new BigDecimal(call.getString("cost")));
            }
            assertEquals(succeeded, logged.size(), "one logged call per answered call");
            assertTrue(spent.compareTo(BUDGET) <= 0, "spent " + spent + " passes the budget");
            assertEquals(
                    0, COST_PER_ANSWER.multiply(BigDecimal.valueOf(succeeded)).compareTo(spent));

            JsonObject group = onlyGroup(usage("groupBy=key&key=" + encode(budgetedKey.getString("name"))));
            assertEquals(budgetedKey.getString("name"), group.getString("group"));
            assertEquals(succeeded + refused + 1, group.getInt("calls"));
            assertEquals(refused + 1, group.getInt("budgetRefused"));
            assertEquals(0, group.getInt("rateLimited"));
            assertEquals(11L * succeeded, group.getJsonNumber("tokensIn").longValue());
            assertEquals(4L * succeeded, group.getJsonNumber("tokensOut").longValue());
            assertEquals(0, spent.compareTo(new BigDecimal(group.getString("cost"))));
            JsonObject answered =
                    onlyGroup(usage("groupBy=key&outcome=SUCCESS&key=" + encode(budgetedKey.getString("name"))));
            assertEquals(succeeded, answered.getInt("calls"));
            assertEquals(0, answered.getJsonNumber("errorRate").doubleValue());

            String metrics = ServerUnderTest.send(HttpRequest.newBuilder(uri("/metrics"))
                            .timeout(Duration.ofSeconds(30))
                            .build())
                    .body();
            assertTrue(
                    metrics.lines()
                            .anyMatch(line -> line.startsWith("gen_ai_client_token_usage")
                                    && line.contains("gen_ai_request_model=\"" + model + "\"")
                                    && line.contains("gen_ai_token_type=\"output\"")),
                    "GenAI token usage of the model at /metrics");
            assertTrue(
                    metrics.lines()
                            .anyMatch(line -> line.startsWith("gen_ai_client_operation_duration")
                                    && line.contains("gen_ai_request_model=\"" + model + "\"")),
                    "GenAI operation duration of the model at /metrics");
            // As Prometheus histograms with the GenAI conventions' bucket boundaries (seconds, tokens), not as
            // percentiles: a percentile series keeps rings of HdrHistograms per model, which filled the heap.
            assertTrue(
                    metrics.lines()
                            .anyMatch(line -> line.startsWith("gen_ai_client_operation_duration_seconds_bucket")
                                    && line.contains("gen_ai_request_model=\"" + model + "\"")
                                    && line.contains("le=\"0.64\"")),
                    "GenAI duration buckets of the model at /metrics");
            assertTrue(
                    metrics.lines()
                            .anyMatch(line -> line.startsWith("gen_ai_client_token_usage_bucket")
                                    && line.contains("gen_ai_request_model=\"" + model + "\"")
                                    && line.contains("le=\"16.0\"")),
                    "GenAI token usage buckets of the model at /metrics");
            assertTrue(
                    metrics.lines()
                            .filter(line -> line.startsWith("gen_ai_client_"))
                            .noneMatch(line -> line.contains("quantile=")),
                    "no GenAI percentile series at /metrics");

            JsonObject budget = budgetOf(budgetedKey.getString("name"));
            assertEquals(0, spent.compareTo(new BigDecimal(budget.getString("spent"))));
            assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(budget.getString("reserved"))));
            assertEquals(budget.getInt("percentSpent") >= 80, budget.getBoolean("warning"));

            // The admin lowers the amount to just above what is spent: the budget warns (80 %), in the API and at
            // /metrics.
            HttpResponse<String> lowered = GatewayAdmin.put(
                    "/api/admin/budgets/" + budget.getJsonNumber("id").longValue(),
                    "{\"amount\":" + spent.multiply(new BigDecimal("1.1")).toPlainString()
                            + ",\"currency\":\"USD\",\"period\":\"DAY\",\"version\":"
                            + budget.getJsonNumber("version").longValue() + "}");
            assertEquals(200, lowered.statusCode(), lowered.body());
            JsonObject warned = budgetOf(budgetedKey.getString("name"));
            assertTrue(warned.getBoolean("warning"), warned.toString());
            String warnedMetrics = ServerUnderTest.send(HttpRequest.newBuilder(uri("/metrics?scope=application"))
                            .timeout(Duration.ofSeconds(30))
                            .build())
                    .body();
            assertTrue(
                    warnedMetrics
                            .lines()
                            .anyMatch(line -> line.startsWith("llmadmin_budgets_warning")
                                    && !line.trim().endsWith(" 0")
                                    && !line.trim().endsWith(" 0.0")),
                    "the budgets' 80 % warning at /metrics");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aModelBudgetRefusesTheCallThatCouldPassItWhateverTheKey() {
        String budgetedModel = GatewayAdmin.unique("it-model-budget");
        JsonObject key = null;
        try {
            GatewayAdmin.createChatModel(budgetedModel, UpstreamStub.ANSWER_MODEL, stub.apiBase());
            assertEquals(
                    201,
                    GatewayAdmin.post(
                                    "/api/admin/models/" + budgetedModel + "/prices",
                                    "{\"currency\":\"USD\",\"inputPerMillion\":100,\"outputPerMillion\":500}")
                            .statusCode());
            key = GatewayAdmin.issueKey(GatewayAdmin.unique("it-mb"), "[\"" + budgetedModel + "\"]", "{}");
            // one answer (0.0031) fits in 0.005; a second one's worst case on top of it does not
            HttpResponse<String> budget = GatewayAdmin.post(
                    "/api/admin/budgets",
                    "{\"scope\":\"MODEL\",\"subject\":\"" + budgetedModel
                            + "\",\"amount\":0.005,\"currency\":\"USD\",\"period\":\"MONTH\"}");
            assertEquals(201, budget.statusCode(), budget.body());

            assertEquals(200, chat(key.getString("token"), budgetedModel).statusCode());
            HttpResponse<String> refused = chat(key.getString("token"), budgetedModel);

            assertEquals(429, refused.statusCode(), refused.body());
            JsonObject error = GatewayAdmin.json(refused).getJsonObject("error");
            assertEquals("insufficient_quota", error.getString("code"));
            assertTrue(
                    error.getString("message").contains("month budget of model '" + budgetedModel + "'"),
                    error.getString("message"));
        } finally {
            GatewayAdmin.revokeQuietly(key);
            GatewayAdmin.deleteModelQuietly(budgetedModel);
        }
    }

    @Test
    void pricesKeepTheirHistoryAndRefuseBadInputByField() {
        HttpResponse<String> bad = GatewayAdmin.post(
                "/api/admin/models/" + model + "/prices",
                "{\"currency\":\"dollars\",\"inputPerMillion\":-1,\"outputPerMillion\":1}");
        assertEquals(400, bad.statusCode(), bad.body());
        String errors = GatewayAdmin.json(bad).getJsonArray("fieldErrors").toString();
        assertTrue(errors.contains("currency") && errors.contains("inputPerMillion"), errors);

        HttpResponse<String> unknown = GatewayAdmin.post(
                "/api/admin/models/no-such-model-" + model + "/prices",
                "{\"currency\":\"USD\",\"inputPerMillion\":1,\"outputPerMillion\":1}");
        assertEquals(404, unknown.statusCode(), unknown.body());

        HttpResponse<String> history = GatewayAdmin.get("/api/admin/models/" + model + "/prices");
        assertEquals(200, history.statusCode());
        JsonArray rows = array(history.body());
        assertEquals(1, rows.size(), history.body());
        assertEquals("100", rows.getJsonObject(0).getString("inputPerMillion"));
        assertEquals("500", rows.getJsonObject(0).getString("outputPerMillion"));
        assertEquals("admin", rows.getJsonObject(0).getString("createdBy"));
    }

    @Test
    void theUsageApiNamesABadParameter() {
        HttpResponse<String> response = GatewayAdmin.get("/api/admin/usage?groupBy=planet");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("groupBy"), response.body());
        HttpResponse<String> calls = GatewayAdmin.get("/api/admin/usage/calls?outcome=GREAT&size=0");
        assertEquals(400, calls.statusCode(), calls.body());
        assertTrue(calls.body().contains("outcome") && calls.body().contains("size"), calls.body());
    }

    @Test
    void aClientsOwnPlainRequestIdIsEchoedAndAnyOtherReplaced() {
        HttpResponse<String> echoed = ServerUnderTest.send(HttpRequest.newBuilder(uri("/openai/v1/models"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + otherKey.getString("token"))
                .header("X-Request-Id", "client-trace_42.a")
                .GET()
                .build());
        assertEquals(200, echoed.statusCode(), echoed.body());
        assertEquals(
                "client-trace_42.a", echoed.headers().firstValue("x-request-id").orElse(null));
        HttpResponse<String> replaced = ServerUnderTest.send(HttpRequest.newBuilder(uri("/openai/v1/models"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + otherKey.getString("token"))
                .header("X-Request-Id", "evil id; with spaces")
                .GET()
                .build());
        assertTrue(replaced.headers().firstValue("x-request-id").orElse("").startsWith("req_"));
    }

    /**
     * Gateway calls each on their own HTTP/1.1 connection, as separate clients would make them (several HTTP/2
     * streams on one shared connection stalled in the server's HTTP/2 writer under this load).
     */
    private static final HttpClient CALLERS =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> chat(String token) {
        return chat(token, model);
    }

    private static HttpResponse<String> chat(String token, String model) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\""
                + PROMPT + "\"}]}";
        try {
            return CALLERS.send(
                    HttpRequest.newBuilder(uri("/openai/v1/chat/completions"))
                            .timeout(Duration.ofSeconds(180))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Usage is written in batches off the request path: wait (bounded) until the calls are there. */
    private static JsonArray awaitCalls(String key, String outcome, int expected) throws InterruptedException {
        return Eventually.polled(
                expected + " " + outcome + " calls of key " + key + " in the request log",
                () -> {
                    HttpResponse<String> page = GatewayAdmin.get("/api/admin/usage/calls?size=100&from="
                            + encode(started.toString()) + "&key=" + encode(key) + "&outcome=" + outcome);
                    assertEquals(200, page.statusCode(), page.body());
                    return GatewayAdmin.parse(page.body()).getJsonArray("items");
                },
                items -> items.size() >= expected);
    }

    private static JsonArray usage(String query) {
        HttpResponse<String> response =
                GatewayAdmin.get("/api/admin/usage?from=" + encode(started.toString()) + "&" + query);
        assertEquals(200, response.statusCode(), response.body());
        return array(response.body());
    }

    private static JsonObject onlyGroup(JsonArray groups) {
        assertEquals(1, groups.size(), groups.toString());
        return groups.getJsonObject(0);
    }

    private static JsonObject budgetOf(String keyName) {
        for (JsonValue value : array(GatewayAdmin.get("/api/admin/budgets").body())) {
            if (value.asJsonObject().getString("subject").equals(keyName)) {
                return value.asJsonObject();
            }
        }
        throw new AssertionError("no budget for " + keyName);
    }

    private static JsonArray array(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
