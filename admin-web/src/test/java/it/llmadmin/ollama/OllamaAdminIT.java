package it.llmadmin.ollama;

import static it.llmadmin.ollama.OllamaApi.array;
import static it.llmadmin.ollama.OllamaApi.object;
import static it.llmadmin.ollama.OllamaApi.q;
import static it.llmadmin.ollama.OllamaApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ollama.OllamaStub.PullMode;
import it.llmadmin.ollama.OllamaStub.StubModel;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ollama model management through the admin API, against an Ollama stub in this JVM that speaks Ollama's REST API
 * and NDJSON pull stream. The server learns the stub's address from the request (a loopback endpoint) or from a
 * catalog model's api base. The test server's free-space bound is 25 GB (OLLAMA_FREE_SPACE_BYTES in the pom).
 */
class OllamaAdminIT {

    private static final long GB = 1_000_000_000L;

    private OllamaStub ollama;
    private final List<String> catalogIds = new ArrayList<>();

    @BeforeEach
    void startOllama() throws IOException {
        ollama = new OllamaStub(20);
    }

    @AfterEach
    void stopOllama() {
        catalogIds.forEach(OllamaApi::deleteModelQuietly);
        ollama.close();
    }

    private String models(String query) {
        return "/api/admin/ollama/models?endpoint=" + q(ollama.endpoint()) + query;
    }

    @Test
    void should_list_installed_models_with_size_category_details_and_catalog_flag() {
        ollama.install(OllamaStub.model("small-it:3b", 2 * GB, "llama", 131072, "completion", "tools"));
        ollama.install(OllamaStub.model("medium-it:13b", 8 * GB, "qwen2", 32768, "completion", "vision"));
        ollama.install(OllamaStub.model("large-it:70b", 40 * GB, "llama", 8192, "completion"));
        String id = unique("it-ollama-listed");
        OllamaApi.createOllamaModel(id, "small-it:3b", ollama.endpoint(), 131072);
        catalogIds.add(id);

        HttpResponse<String> listed = OllamaApi.get(models(""));

        assertThat(listed.statusCode()).isEqualTo(200);
        var list = array(listed.body());
        assertThat(list)
                .extracting(v -> v.asJsonObject().getString("name"))
                .containsExactly("small-it:3b", "medium-it:13b", "large-it:70b");
        JsonObject small = list.getJsonObject(0);
        assertThat(small.getJsonNumber("sizeBytes").longValue()).isEqualTo(2 * GB);
        assertThat(small.getString("category")).isEqualTo("small");
        assertThat(small.getString("parameterSize")).isEqualTo("3.2B");
        assertThat(small.getString("quantization")).isEqualTo("Q4_K_M");
        assertThat(small.getInt("contextLength")).isEqualTo(131072);
        assertThat(small.getString("family")).isEqualTo("llama");
        assertThat(small.getBoolean("registered")).isTrue();
        assertThat(small.getJsonArray("registeredAs").getString(0)).isEqualTo(id);
        assertThat(list.getJsonObject(1).getString("category")).isEqualTo("medium");
        assertThat(list.getJsonObject(1).getBoolean("registered")).isFalse();
        assertThat(list.getJsonObject(2).getString("category")).isEqualTo("large");

        var medium = array(OllamaApi.get(models("&category=medium")).body());
        assertThat(medium).extracting(v -> v.asJsonObject().getString("name")).containsExactly("medium-it:13b");
        HttpResponse<String> badCategory = OllamaApi.get(models("&category=huge"));
        assertThat(badCategory.statusCode()).isEqualTo(400);
        assertThat(badCategory.body()).contains("category").contains("small, medium or large");

        assertThat(OllamaApi.get("/api/admin/ollama/endpoints").body()).contains(ollama.endpoint());
    }

    @Test
    void should_refuse_an_endpoint_that_is_neither_in_use_nor_on_loopback() {
        HttpResponse<String> refused =
                OllamaApi.get("/api/admin/ollama/models?endpoint=" + q("http://10.11.12.13:11434"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("endpoint").contains("loopback");
        assertThat(OllamaApi.get("/api/admin/ollama/models?endpoint=" + q("file:///etc/passwd"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void should_show_a_slow_pull_progressing_to_success_and_audit_it() throws Exception {
        String name = unique("slow-it").toLowerCase() + ":3b";
        ollama.offer(OllamaStub.model(name, 3 * GB, "llama", 8192, "completion"));
        ollama.holdAtHalf(name);

        JsonObject started = OllamaApi.startPull(ollama.endpoint(), name, null);
        String id = started.getString("id");
        assertThat(started.getString("status")).isEqualTo("running");

        JsonObject halfway = OllamaApi.awaitPull(
                id, job -> job.getJsonNumber("completedBytes").longValue() > 0);
        assertThat(halfway.getString("status")).isEqualTo("running");
        assertThat(halfway.getJsonNumber("totalBytes").longValue()).isEqualTo(3 * GB);
        assertThat(halfway.getString("statusText")).startsWith("pulling ");
        assertThat(halfway.getInt("percent")).isBetween(1, 99);
        assertThat(array(OllamaApi.get("/api/admin/ollama/pulls?limit=50").body()))
                .extracting(v -> v.asJsonObject().getString("id"))
                .contains(id);

        ollama.release(name);
        JsonObject done = OllamaApi.awaitFinished(id);

        assertThat(done.getString("status")).isEqualTo("succeeded");
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(done.getString("digest")).isEqualTo(OllamaStub.digestOf(name));
        assertThat(ollama.isInstalled(name)).isTrue();
        assertThat(OllamaApi.get(models("")).body()).contains(name);
        String audit = OllamaApi.get(
                        "/api/admin/audit?entityType=OllamaModel&entityId=" + q(ollama.endpoint() + " " + name))
                .body();
        assertThat(audit).contains("\"PULL\"").contains("\"PULL_SUCCEEDED\"");
    }

    @Test
    void should_fail_a_pull_that_breaks_off_with_ollamas_error() throws Exception {
        String name = unique("broken-it").toLowerCase();
        StubModel m = OllamaStub.model(name, GB, "llama", 8192, "completion");
        ollama.offer(new StubModel(
                m.name(),
                m.size(),
                m.digest(),
                m.family(),
                m.parameterSize(),
                m.quantization(),
                m.contextLength(),
                m.capabilities(),
                PullMode.BREAKS));

        JsonObject done = OllamaApi.awaitFinished(
                OllamaApi.startPull(ollama.endpoint(), name, null).getString("id"));

        assertThat(done.getString("status")).isEqualTo("failed");
        assertThat(done.getString("errorKind")).isEqualTo("FAILED");
        assertThat(done.getString("errorMessage")).contains(ollama.endpoint()).contains("max retries exceeded");
        assertThat(ollama.isInstalled(name)).isFalse();
        assertThat(OllamaApi.get("/api/admin/audit?entityType=OllamaModel&action=PULL_FAILED&entityId="
                                + q(ollama.endpoint() + " " + name))
                        .body())
                .contains("PULL_FAILED");
    }

    @Test
    void should_fail_a_pull_when_the_digest_does_not_match() throws Exception {
        String corrupt = unique("corrupt-it").toLowerCase();
        StubModel m = OllamaStub.model(corrupt, GB, "llama", 8192, "completion");
        ollama.offer(new StubModel(
                m.name(),
                m.size(),
                m.digest(),
                m.family(),
                m.parameterSize(),
                m.quantization(),
                m.contextLength(),
                m.capabilities(),
                PullMode.CORRUPT));
        String other = unique("other-digest-it").toLowerCase();
        ollama.offer(OllamaStub.model(other, GB, "llama", 8192, "completion"));

        JsonObject byOllama = OllamaApi.awaitFinished(
                OllamaApi.startPull(ollama.endpoint(), corrupt, null).getString("id"));
        JsonObject byUs = OllamaApi.awaitFinished(
                OllamaApi.startPull(ollama.endpoint(), other, "sha256:" + OllamaStub.digestOf("what-was-published"))
                        .getString("id"));

        assertThat(byOllama.getString("status")).isEqualTo("failed");
        assertThat(byOllama.getString("errorKind")).isEqualTo("DIGEST_MISMATCH");
        assertThat(byOllama.getString("errorMessage")).contains("digest mismatch");
        assertThat(byUs.getString("status")).isEqualTo("failed");
        assertThat(byUs.getString("errorKind")).isEqualTo("DIGEST_MISMATCH");
        assertThat(byUs.getString("errorMessage"))
                .contains(OllamaStub.digestOf("what-was-published"))
                .contains(OllamaStub.digestOf(other));
        assertThat(byUs.getString("digest")).isEqualTo(OllamaStub.digestOf(other));
    }

    @Test
    void should_report_a_missing_model_as_not_found() throws Exception {
        JsonObject pulled = OllamaApi.awaitFinished(
                OllamaApi.startPull(ollama.endpoint(), "no-such-model-it", null).getString("id"));
        HttpResponse<String> removed = OllamaApi.delete(models("&model=" + q("no-such-model-it")));
        HttpResponse<String> registered = OllamaApi.post(
                "/api/admin/ollama/models/register",
                "{\"endpoint\":\"" + ollama.endpoint() + "\",\"model\":\"no-such-model-it\"}");

        assertThat(pulled.getString("status")).isEqualTo("failed");
        assertThat(pulled.getString("errorKind")).isEqualTo("NOT_FOUND");
        assertThat(pulled.getString("errorMessage")).contains("file does not exist");
        assertThat(removed.statusCode()).isEqualTo(404);
        assertThat(object(removed.body()).getString("message")).contains("no-such-model-it");
        assertThat(registered.statusCode()).isEqualTo(404);
        assertThat(OllamaApi.get("/api/admin/ollama/pulls/not-a-job").statusCode())
                .isEqualTo(404);
    }

    @Test
    void should_name_the_endpoint_when_ollama_is_unreachable() throws Exception {
        String closed = "http://127.0.0.1:" + freePort();

        HttpResponse<String> listed = OllamaApi.get("/api/admin/ollama/models?endpoint=" + q(closed));
        JsonObject pulled = OllamaApi.awaitFinished(
                OllamaApi.startPull(closed, "llama3.2", null).getString("id"));

        assertThat(listed.statusCode()).isEqualTo(503);
        assertThat(object(listed.body()).getString("message")).contains("Ollama at " + closed + " is unreachable");
        assertThat(pulled.getString("status")).isEqualTo("failed");
        assertThat(pulled.getString("errorKind")).isEqualTo("UNREACHABLE");
        assertThat(pulled.getString("errorMessage")).contains(closed);
    }

    @Test
    void should_refuse_a_pull_whose_layers_exceed_the_free_space_bound() throws Exception {
        String name = unique("huge-it").toLowerCase() + ":405b";
        ollama.offer(OllamaStub.model(name, 30 * GB, "llama", 8192, "completion"));

        JsonObject done = OllamaApi.awaitFinished(
                OllamaApi.startPull(ollama.endpoint(), name, null).getString("id"));

        assertThat(done.getString("status")).isEqualTo("failed");
        assertThat(done.getString("errorKind")).isEqualTo("TOO_LARGE");
        assertThat(done.getString("errorMessage")).contains("30000000000").contains("25000000000");
        assertThat(ollama.isInstalled(name)).isFalse();
    }

    @Test
    void should_refuse_a_pull_up_front_while_running_pulls_take_all_the_free_space() throws Exception {
        String filling = unique("filling-it").toLowerCase() + ":70b";
        String next = unique("next-it").toLowerCase() + ":1b";
        ollama.offer(OllamaStub.model(filling, 25 * GB, "llama", 8192, "completion"));
        ollama.offer(OllamaStub.model(next, GB, "llama", 8192, "completion"));
        ollama.holdAtHalf(filling);
        String id = OllamaApi.startPull(ollama.endpoint(), filling, null).getString("id");
        OllamaApi.awaitPull(id, job -> job.getJsonNumber("totalBytes").longValue() == 25 * GB);

        HttpResponse<String> refused = OllamaApi.post(
                "/api/admin/ollama/pulls", "{\"endpoint\":\"" + ollama.endpoint() + "\",\"model\":\"" + next + "\"}");

        ollama.release(filling);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(object(refused.body()).getString("message"))
                .contains("No room to pull '" + next + "'")
                .contains("25000000000")
                .contains("running pulls take 25000000000");
        assertThat(array(OllamaApi.get("/api/admin/ollama/pulls?limit=200").body()))
                .extracting(pull -> pull.asJsonObject().getString("model"))
                .doesNotContain(next);
        assertThat(OllamaApi.awaitFinished(id).getString("status")).isEqualTo("succeeded");
        assertThat(ollama.isInstalled(next)).isFalse();
        assertThat(OllamaApi.startPull(ollama.endpoint(), next, null).getString("status"))
                .isEqualTo("running");
    }

    @Test
    void should_offer_an_ollama_credentials_endpoint() {
        String host = unique("gpu-box").toLowerCase() + ".invalid";
        HttpResponse<String> created = OllamaApi.post(
                "/api/admin/credentials",
                "{\"name\":\"" + unique("it-ollama-cred") + "\",\"provider\":\"ollama\",\"baseUrl\":\"http://" + host
                        + ":11434/\",\"secret\":\"it-ollama-secret-not-real\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try {
            assertThat(OllamaApi.get("/api/admin/ollama/endpoints").body()).contains("\"http://" + host + ":11434\"");
        } finally {
            OllamaApi.delete("/api/admin/credentials/"
                    + object(created.body()).getJsonNumber("id").longValue());
        }
        assertThat(OllamaApi.get("/api/admin/ollama/endpoints").body()).doesNotContain(host);
    }

    @Test
    void should_cancel_a_running_pull() throws Exception {
        String name = unique("cancelled-it").toLowerCase();
        ollama.offer(OllamaStub.model(name, GB, "llama", 8192, "completion"));
        ollama.holdAtHalf(name);
        String id = OllamaApi.startPull(ollama.endpoint(), name, null).getString("id");
        OllamaApi.awaitPull(id, job -> job.getJsonNumber("completedBytes").longValue() > 0);

        HttpResponse<String> cancelling = OllamaApi.post("/api/admin/ollama/pulls/" + id + "/cancel", "");
        ollama.release(name);
        JsonObject done = OllamaApi.awaitFinished(id);

        assertThat(cancelling.statusCode()).isEqualTo(200);
        assertThat(object(cancelling.body()).getBoolean("cancelRequested")).isTrue();
        assertThat(done.getString("status")).isEqualTo("cancelled");
        assertThat(ollama.isInstalled(name)).isFalse();
        assertThat(OllamaApi.post("/api/admin/ollama/pulls/" + id + "/cancel", "")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void should_refuse_to_remove_a_model_the_catalog_uses_unless_confirmed() {
        ollama.install(OllamaStub.model("used-it:1b", GB, "llama", 8192, "completion"));
        ollama.install(OllamaStub.model("unused-it:1b", GB, "llama", 8192, "completion"));
        String id = unique("it-ollama-user");
        OllamaApi.createOllamaModel(id, "used-it:1b", ollama.endpoint(), 8192);
        catalogIds.add(id);

        HttpResponse<String> refused = OllamaApi.delete(models("&model=" + q("used-it:1b")));
        HttpResponse<String> unused = OllamaApi.delete(models("&model=" + q("unused-it:1b")));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(object(refused.body()).getString("message")).contains(id).contains("confirm");
        assertThat(ollama.isInstalled("used-it:1b")).isTrue();
        assertThat(unused.statusCode()).isEqualTo(204);
        assertThat(ollama.isInstalled("unused-it:1b")).isFalse();

        HttpResponse<String> confirmed = OllamaApi.delete(models("&model=" + q("used-it:1b") + "&confirm=true"));
        assertThat(confirmed.statusCode()).isEqualTo(204);
        assertThat(ollama.isInstalled("used-it:1b")).isFalse();
        assertThat(OllamaApi.get("/api/admin/audit?entityType=OllamaModel&action=REMOVE&entityId="
                                + q(ollama.endpoint() + " used-it:1b"))
                        .body())
                .contains("\"REMOVE\"");
    }

    @Test
    void should_register_a_pulled_model_and_answer_through_the_gateway() throws Exception {
        String name = unique("chat-it").toLowerCase() + ":3b";
        ollama.offer(OllamaStub.model(name, 2 * GB, "llama", 65536, "completion", "vision", "tools"));
        OllamaApi.awaitFinished(
                OllamaApi.startPull(ollama.endpoint(), name, null).getString("id"));

        HttpResponse<String> registered = OllamaApi.post(
                "/api/admin/ollama/models/register",
                "{\"endpoint\":\"" + ollama.endpoint() + "\",\"model\":\"" + name + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = object(registered.body()).getString("id");
        catalogIds.add(id);

        JsonObject model = object(OllamaApi.get("/api/admin/models/" + id).body());
        assertThat(id).isEqualTo("ollama-" + name.replace(':', '-'));
        assertThat(model.getString("type")).isEqualTo("chat");
        assertThat(model.getString("provider")).isEqualTo("ollama");
        assertThat(model.getString("providerModelName")).isEqualTo(name);
        assertThat(model.getInt("contextLength")).isEqualTo(65536);
        assertThat(model.getJsonObject("capabilities").getBoolean("vision")).isTrue();
        assertThat(model.getJsonObject("capabilities").getBoolean("tools")).isTrue();
        assertThat(array(OllamaApi.get(models("")).body()).getJsonObject(0).getBoolean("registered"))
                .isTrue();
        assertThat(OllamaApi.get("/api/admin/audit?entityType=OllamaModel&action=REGISTER")
                        .body())
                .contains(id);

        String answer = OllamaApi.chatThroughGateway(id);
        assertThat(answer).isEqualTo("Hello from local " + name);
        assertThat(ollama.chatRequests).extracting(r -> r.getString("model")).contains(name);
    }

    @Test
    void should_choose_the_smallest_model_that_fits_and_explain_it() {
        int context = 700_000 + (int) (Math.random() * 200_000);
        ollama.install(OllamaStub.model("pick-small-it:1b", GB, "llama", context, "completion"));
        ollama.install(OllamaStub.model("pick-medium-it:13b", 9 * GB, "llama", context, "completion", "vision"));
        ollama.install(OllamaStub.model("pick-large-it:70b", 40 * GB, "llama", context, "completion", "vision"));
        String small = unique("it-pick-small");
        String medium = unique("it-pick-medium");
        String large = unique("it-pick-large");
        OllamaApi.createOllamaModel(small, "pick-small-it:1b", ollama.endpoint(), context);
        OllamaApi.createOllamaModel(medium, "pick-medium-it:13b", ollama.endpoint(), context, true);
        OllamaApi.createOllamaModel(large, "pick-large-it:70b", ollama.endpoint(), context, true);
        catalogIds.addAll(List.of(small, medium, large));
        String base = "/api/admin/ollama/select?type=chat&provider=ollama&minContextLength=" + context;

        JsonObject any = object(OllamaApi.get(base + "&maxCategory=large").body());
        JsonObject vision =
                object(OllamaApi.get(base + "&maxCategory=large&vision=true").body());
        HttpResponse<String> none = OllamaApi.get(base + "&maxCategory=small&vision=true");
        HttpResponse<String> bad = OllamaApi.get("/api/admin/ollama/select?type=sound&maxCategory=tiny");

        assertThat(any.getJsonObject("chosen").getString("id")).isEqualTo(small);
        assertThat(any.getJsonArray("ranked"))
                .extracting(v -> v.asJsonObject().getString("id"))
                .containsExactly(small, medium, large);
        assertThat(any.getString("explanation"))
                .contains(small)
                .contains("smallest")
                .contains("small");
        assertThat(vision.getJsonObject("chosen").getString("id")).isEqualTo(medium);
        assertThat(vision.getJsonObject("chosen").getString("category")).isEqualTo("medium");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(object(none.body()).getString("message"))
                .startsWith("No suitable model")
                .contains("vision");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("type").contains("maxCategory");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
