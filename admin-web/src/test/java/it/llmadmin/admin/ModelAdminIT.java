package it.llmadmin.admin;

import static it.llmadmin.ServerUnderTest.get;
import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.admin.AdminClient.admin;
import static it.llmadmin.admin.AdminClient.createModel;
import static it.llmadmin.admin.AdminClient.deleteQuietly;
import static it.llmadmin.admin.AdminClient.json;
import static it.llmadmin.admin.AdminClient.model;
import static it.llmadmin.admin.AdminClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ItSecrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/models} against the started server, as the admin. */
class ModelAdminIT {

    private final List<String> made = new ArrayList<>();

    private String newId(String prefix) {
        String id = unique(prefix);
        made.add(id);
        return id;
    }

    @AfterEach
    void deleteWhatThisTestMade() {
        // fallbacks first: a model that is another's fallback cannot be deleted
        for (int i = made.size() - 1; i >= 0; i--) {
            deleteQuietly(made.get(i));
        }
    }

    @Test
    void should_create_a_model_with_201_location_and_etag_and_read_it_back() {
        String id = newId("it-create");

        HttpResponse<String> created = admin().post("/api/admin/models", model(id, "chat", false));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/admin/models/" + id));
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> read = admin().get("/api/admin/models/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonObject model = json(read);
        assertThat(model.getString("displayName")).isEqualTo("IT " + id);
        assertThat(model.getString("type")).isEqualTo("chat");
        assertThat(model.getInt("contextLength")).isEqualTo(128000);
        assertThat(model.getJsonObject("parameters")
                        .getJsonNumber("temperatureMax")
                        .doubleValue())
                .isEqualTo(2.0);
        assertThat(model.getJsonObject("capabilities").getBoolean("streaming")).isTrue();
        assertThat(model.getJsonNumber("version").longValue()).isEqualTo(1L);
    }

    @Test
    void should_show_a_created_model_in_v1_models_at_once_and_hide_it_once_deactivated() {
        String id = newId("it-visible");
        try {
            createModel(id, "speech", true);

            assertThat(get("/v1/models?type=speech").body()).contains("\"id\":\"" + id + "\"");
            assertThat(get("/v1/models/" + id).statusCode()).isEqualTo(200);

            HttpResponse<String> deactivated = admin().postEmpty("/api/admin/models/" + id + "/deactivate");

            assertThat(deactivated.statusCode()).isEqualTo(200);
            assertThat(json(deactivated).getBoolean("active")).isFalse();
            assertThat(get("/v1/models?type=speech").body()).doesNotContain(id);
            assertThat(get("/v1/models/" + id).statusCode()).isEqualTo(404);

            admin().postEmpty("/api/admin/models/" + id + "/activate");
            assertThat(get("/v1/models/" + id).statusCode()).isEqualTo(200);
        } finally {
            deleteQuietly(id);
        }
        assertThat(get("/v1/models/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void should_page_sort_and_filter_the_list() {
        String prefix = unique("it-list");
        for (String suffix : List.of("a", "b", "c")) {
            String id = prefix + "-" + suffix;
            made.add(id);
            createModel(id, suffix.equals("c") ? "embedding" : "chat", false);
        }

        JsonObject firstPage =
                json(admin().get("/api/admin/models?q=" + prefix + "&sort=displayName,desc&size=2&page=0"));
        JsonObject secondPage =
                json(admin().get("/api/admin/models?q=" + prefix + "&sort=displayName,desc&size=2&page=1"));
        JsonObject embeddings = json(admin().get("/api/admin/models?q=" + prefix + "&type=embedding&active=false"));
        JsonObject otherProvider = json(admin().get("/api/admin/models?q=" + prefix + "&provider=anthropic"));

        assertThat(firstPage.getInt("totalItems")).isEqualTo(3);
        assertThat(firstPage.getInt("totalPages")).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(prefix + "-c", prefix + "-b");
        assertThat(ids(secondPage)).containsExactly(prefix + "-a");
        assertThat(ids(embeddings)).containsExactly(prefix + "-c");
        assertThat(otherProvider.getInt("totalItems")).isZero();
    }

    @Test
    void should_answer_400_naming_each_bad_query_parameter() {
        HttpResponse<String> response = admin().get("/api/admin/models?page=x&size=1000&sort=price&type=video");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response))).contains("page", "type");
        HttpResponse<String> badSort = admin().get("/api/admin/models?size=1000&sort=price");
        assertThat(fields(json(badSort))).containsExactlyInAnyOrder("size", "sort");
    }

    @Test
    void should_answer_400_naming_every_wrong_field_and_store_nothing() {
        String id = newId("it-invalid");
        String body = "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"skynet\",\"providerModelName\":\"x\","
                + "\"displayName\":\"\",\"apiBase\":\"ftp://example.org\",\"contextLength\":1000,"
                + "\"extraKwargs\":[1],\"fallbacks\":[\"no-such-model-anywhere\"],"
                + "\"parameters\":{\"maxTokens\":5000,\"topPMax\":1.5},\"limits\":{\"requestsPerMinute\":-1}}";

        HttpResponse<String> response = admin().post("/api/admin/models", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = json(response);
        assertThat(error.getInt("status")).isEqualTo(400);
        assertThat(fields(error)).contains("displayName", "parameters.topPMax", "limits.requestsPerMinute");
        assertThat(error.getString("message")).contains("displayName");
        assertThat(admin().get("/api/admin/models/" + id).statusCode()).isEqualTo(404);

        // Bean Validation passed, the service's checks name the rest
        String serviceInvalid = body.replace("\"displayName\":\"\"", "\"displayName\":\"ok\"")
                .replace(",\"topPMax\":1.5", "")
                .replace(":-1}", ":1}");
        JsonObject serviceError = json(admin().post("/api/admin/models", serviceInvalid));
        assertThat(fields(serviceError))
                .containsExactlyInAnyOrder(
                        "provider", "apiBase", "extraKwargs", "fallbacks[0]", "parameters.maxTokens");
        assertThat(serviceError.getString("message")).contains("provider").contains("parameters.maxTokens");
        assertThat(admin().get("/api/admin/models/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void should_answer_400_naming_the_member_of_the_wrong_json_type_or_a_body_that_is_not_json() {
        HttpResponse<String> wrongType = admin().post(
                        "/api/admin/models",
                        model(newId("it-type"), "chat", false).replace("128000", "\"lots\""));
        HttpResponse<String> notJson = admin().post("/api/admin/models", "{not json");

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(fields(json(wrongType))).containsExactly("contextLength");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(fields(json(notJson))).containsExactly("body");
    }

    @Test
    void should_refuse_a_secret_in_the_extra_arguments_without_echoing_it() {
        String id = newId("it-secret");
        String body = model(id, "chat", false)
                .replace(
                        "\"active\"",
                        "\"extraKwargs\":{\"api_key\":\"" + ItSecrets.REFUSED_KWARGS_KEY + "\"},\"active\"");

        HttpResponse<String> response = admin().post("/api/admin/models", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(json(response))).containsExactly("extraKwargs.api_key");
        assertThat(response.body()).doesNotContain(ItSecrets.REFUSED_KWARGS_KEY);
    }

    @Test
    void should_answer_409_when_the_id_exists() {
        String id = newId("it-dup");
        createModel(id, "chat", false);

        HttpResponse<String> again = admin().post("/api/admin/models", model(id, "chat", false));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).getString("message")).contains(id);
    }

    @Test
    void should_answer_404_for_an_unknown_model_on_every_method() {
        String id = unique("it-missing");

        assertThat(admin().get("/api/admin/models/" + id).statusCode()).isEqualTo(404);
        assertThat(admin().put("/api/admin/models/" + id, model(id, "chat", false), "\"1\"")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin().patch("/api/admin/models/" + id, "{\"vendor\":\"x\"}", "\"1\"")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin().postEmpty("/api/admin/models/" + id + "/deactivate").statusCode())
                .isEqualTo(404);
        HttpResponse<String> deleted = admin().delete("/api/admin/models/" + id);
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(json(deleted).getString("message")).contains(id);
    }

    @Test
    void should_answer_415_and_406_as_json_for_wrong_media_types() {
        HttpResponse<String> unsupported = send(admin().request("/api/admin/models")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build());
        HttpResponse<String> notAcceptable = send(admin().request("/api/admin/models")
                .setHeader("Accept", "text/html")
                .GET()
                .build());

        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(json(unsupported).getInt("status")).isEqualTo(415);
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
        assertThat(json(notAcceptable).getInt("status")).isEqualTo(406);
    }

    @Test
    void should_replace_with_put_only_when_a_current_version_is_sent() {
        String id = newId("it-put");
        createModel(id, "chat", false);
        String replacement = model(id, "chat", false).replace("made by an IT", "replaced");

        HttpResponse<String> withoutVersion = admin().put("/api/admin/models/" + id, replacement, null);
        HttpResponse<String> stale = admin().put("/api/admin/models/" + id, replacement, "\"7\"");
        HttpResponse<String> current = admin().put("/api/admin/models/" + id, replacement, "\"1\"");
        HttpResponse<String> viaBody = admin().put(
                        "/api/admin/models/" + id,
                        replacement.replace("replaced", "replaced again").replace("}", ",\"version\":2}"),
                        null);

        assertThat(withoutVersion.statusCode()).isEqualTo(428);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).getString("message")).contains("version");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).getString("description")).isEqualTo("replaced");
        assertThat(current.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(viaBody.statusCode()).isEqualTo(200);
        assertThat(json(viaBody).getJsonNumber("version").longValue()).isEqualTo(3L);
    }

    @Test
    void should_change_only_the_patched_members_and_remove_those_set_to_null() {
        String id = newId("it-patch");
        String fallback = newId("it-patch-fallback");
        createModel(fallback, "chat", false);
        createModel(id, "chat", false);
        admin().patch("/api/admin/models/" + id, "{\"vendor\":\"OpenAI\"}", "\"1\"");

        HttpResponse<String> patched = admin().patch(
                        "/api/admin/models/" + id,
                        "{\"vendor\":null,\"fallbacks\":[\"" + fallback + "\"],"
                                + "\"capabilities\":{\"tools\":true},\"parameters\":{\"maxTokens\":4096},"
                                + "\"extraKwargs\":{\"seed\":7},\"version\":2}",
                        null);

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonObject model = json(patched);
        assertThat(model.containsKey("vendor")).isFalse();
        assertThat(model.getString("description")).isEqualTo("made by an IT");
        assertThat(model.getInt("contextLength")).isEqualTo(128000);
        assertThat(model.getJsonArray("fallbacks").getValuesAs(JsonString::getString))
                .containsExactly(fallback);
        assertThat(model.getJsonObject("capabilities").getBoolean("tools")).isTrue();
        assertThat(model.getJsonObject("capabilities").getBoolean("streaming")).isTrue();
        assertThat(model.getJsonObject("parameters").getInt("maxTokens")).isEqualTo(4096);
        assertThat(model.getJsonObject("extraKwargs").getInt("seed")).isEqualTo(7);

        HttpResponse<String> deleteFallback = admin().delete("/api/admin/models/" + fallback);
        assertThat(deleteFallback.statusCode()).isEqualTo(409);
        assertThat(json(deleteFallback).getString("message")).contains(id);
    }

    @Test
    void should_let_exactly_one_of_two_concurrent_updates_win_and_refuse_the_other_with_409() throws Exception {
        String id = newId("it-race");
        createModel(id, "chat", false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 3; round++) {
                long version = json(admin().get("/api/admin/models/" + id))
                        .getJsonNumber("version")
                        .longValue();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String writer : List.of("first", "second")) {
                    String body = model(id, "chat", false)
                            .replace("made by an IT", "written by " + writer + " in round " + round);
                    Callable<HttpResponse<String>> update = () -> {
                        start.await();
                        return admin().put("/api/admin/models/" + id, body, "\"" + version + "\"");
                    };
                    answers.add(pool.submit(update));
                }
                start.countDown();
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    responses.add(answer.get());
                }

                assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
                HttpResponse<String> winner = responses.stream()
                        .filter(response -> response.statusCode() == 200)
                        .findFirst()
                        .orElseThrow();
                JsonObject stored = json(admin().get("/api/admin/models/" + id));
                assertThat(stored.getString("description"))
                        .isEqualTo(json(winner).getString("description"));
                assertThat(stored.getJsonNumber("version").longValue()).isEqualTo(version + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_keep_the_400_of_v1_models_without_field_errors() {
        HttpResponse<String> response = get("/v1/models?type=video");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("fieldErrors");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id"))
                .toList();
    }

    static List<String> fields(JsonObject error) {
        return error.getJsonArray("fieldErrors").getValuesAs(JsonObject.class).stream()
                .map(fieldError -> fieldError.getString("field"))
                .toList();
    }
}
