package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input that used to make the server answer 500 (finding 8): each is now a 4xx with the caller's JSON error, and
 * nothing is stored.
 */
class MalformedInputIT {

    private static final String NO_COLON = "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes());

    @Test
    void should_answer_401_on_every_path_when_a_basic_header_has_no_colon() {
        for (String path : List.of("/v1/models", "/api/admin/models", "/openai/v1/models", "/console/index.xhtml")) {
            HttpResponse<String> answer = Probe.get(path, NO_COLON);

            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).doesNotContain("Exception").doesNotContain("at com.");
        }
    }

    @Test
    void should_answer_basic_headers_without_a_colon_without_logging_a_stack_trace() throws Exception {
        Path log = serverLog();
        long before = Files.exists(log) ? Files.size(log) : 0;

        for (int i = 0; i < 20; i++) {
            String header = "Basic " + Base64.getEncoder().encodeToString(("nocolon" + i).getBytes());
            String path = List.of("/v1/models", "/api/admin/models", "/console/index.xhtml")
                    .get(i % 3);
            assertThat(Probe.get(path, header).statusCode()).as(path).isEqualTo(401);
        }
        Thread.sleep(1000); // Liberty writes its log asynchronously

        String logged = logSince(log, before);
        assertThat(logged).as("logged for 20 Basic headers without a colon").doesNotContain("Exception");
        assertThat(logged.length())
                .as("bytes logged for 20 Basic headers without a colon")
                .isLessThan(2000);
    }

    @Test
    void should_answer_401_when_a_basic_header_is_not_base64() {
        HttpResponse<String> answer = Probe.get("/api/admin/models", "Basic %%%not-base64%%%");

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void should_refuse_json_nested_1000_levels_with_a_400_on_the_admin_api_and_the_gateway() {
        String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

        HttpResponse<String> adminAnswer = Probe.json("POST", "/api/admin/models", admin(), deep);
        HttpResponse<String> userAnswer = Probe.json("POST", "/api/admin/users", admin(), deep);
        HttpResponse<String> keyAnswer = Probe.json("POST", "/api/admin/gateway-keys", admin(), deep);
        HttpResponse<String> gatewayAnswer =
                Probe.json("POST", "/openai/v1/chat/completions", "Bearer " + GatewayFixture.token(), deep);

        assertThat(adminAnswer.statusCode()).isEqualTo(400);
        assertThat(Probe.parse(adminAnswer)
                        .getJsonArray("fieldErrors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("body");
        assertThat(userAnswer.statusCode()).isEqualTo(400);
        assertThat(keyAnswer.statusCode()).isEqualTo(400);
        assertThat(gatewayAnswer.statusCode()).isEqualTo(400);
        assertThat(Probe.parse(gatewayAnswer).getJsonObject("error").getString("type"))
                .isEqualTo("invalid_request_error");
    }

    @Test
    void should_refuse_trailing_text_after_the_json_object_with_a_400() {
        String id = Probe.unique("trailing");
        HttpResponse<String> answer = Probe.json("POST", "/api/admin/models", admin(), model(id) + " {\"more\":1}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Probe.get("/api/admin/models/" + id, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void should_refuse_an_unknown_charset_with_a_415_that_names_no_exception() {
        String id = Probe.unique("ebcdic");
        HttpResponse<String> answer = Probe.send(
                "POST",
                "/api/admin/models",
                admin(),
                "application/json; charset=ebcdic",
                model(id).getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().map().toString()).doesNotContain("Exception");
        assertThat(Probe.parse(answer).getInt("status")).isEqualTo(415);
        assertThat(Probe.get("/api/admin/models/" + id, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void should_refuse_json_in_another_charset_than_utf8_with_a_415() {
        HttpResponse<String> answer = Probe.send(
                "POST",
                "/api/admin/models",
                admin(),
                "application/json; charset=UTF-16",
                model(Probe.unique("utf16")).getBytes(StandardCharsets.UTF_16));

        assertThat(answer.statusCode()).isEqualTo(415);
    }

    @Test
    void should_refuse_a_body_that_is_not_valid_utf8_with_a_400() {
        String id = Probe.unique("latin1");
        byte[] body = model(id)
                .replace("\"description\":\"d\"", "\"description\":\"caf\u00e9\"")
                .getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> answer = Probe.send("POST", "/api/admin/models", admin(), "application/json", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Probe.parse(answer).getString("message")).contains("UTF-8");
        assertThat(Probe.get("/api/admin/models/" + id, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void should_reload_the_sign_in_page_when_the_view_state_is_forged() {
        HttpResponse<String> answer = Probe.send(
                "POST",
                "/login.xhtml",
                null,
                "application/x-www-form-urlencoded",
                ("signInForm=signInForm&signInForm%3Ausername=a&signInForm%3Apassword=b&signInForm%3AsignIn="
                                + "&jakarta.faces.ViewState=forged-state-12345")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login.xhtml"));
    }

    @Test
    void should_answer_an_encoded_slash_with_a_json_400_and_not_flood_the_log() throws Exception {
        Path log = serverLog();
        long before = Files.exists(log) ? Files.size(log) : 0;

        for (int i = 0; i < 40; i++) {
            HttpResponse<String> slash = Probe.get("/api/admin/models/a%2Fb" + i, admin());
            assertThat(slash.statusCode()).isEqualTo(400);
            assertThat(Probe.parse(slash).getInt("status")).isEqualTo(400);
        }
        Thread.sleep(1000); // Liberty writes its log asynchronously

        long growth = (Files.exists(log) ? Files.size(log) : 0) - before;
        assertThat(growth).as("bytes logged for 40 refused requests").isLessThan(4000);
    }

    private static Path serverLog() {
        return Path.of(
                System.getProperty("it.server.log", "target/liberty/wlp/usr/servers/llmadmin-it/logs/messages.log"));
    }

    /** What the server logged after {@code offset} (messages.log only grows during the run). */
    private static String logSince(Path log, long offset) throws java.io.IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        return new String(
                all,
                (int) Math.min(offset, all.length),
                (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    static String model(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"openai\",\"providerModelName\":\"gpt-x\","
                + "\"displayName\":\"X\",\"description\":\"d\"}";
    }

    static JsonObject firstFieldError(HttpResponse<String> answer) {
        return Probe.parse(answer).getJsonArray("fieldErrors").getJsonObject(0);
    }
}
