package it.llmadmin.hardening;

import static it.llmadmin.hardening.Probe.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint bounds its body (finding 9): past its limit the answer is a 413 with the caller's JSON error, whether
 * the size was announced (Content-Length) or not (chunked), and nothing is stored.
 */
class BodyLimitsIT {

    @Test
    void should_refuse_an_admin_api_body_over_its_limit_with_a_json_413() {
        String id = Probe.unique("huge");
        String body = MalformedInputIT.model(id).replace("\"d\"", "\"" + "x".repeat(300 * 1024) + "\"");

        HttpResponse<String> answer = Probe.json("POST", "/api/admin/models", admin(), body);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(Probe.parse(answer).getInt("status")).isEqualTo(413);
        assertThat(Probe.get("/api/admin/models/" + id, admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void should_refuse_a_gateway_body_over_its_limit_with_an_openai_413() {
        String body = "{\"model\":\"m\",\"input\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";

        HttpResponse<String> answer =
                Probe.json("POST", "/openai/v1/embeddings", "Bearer " + GatewayFixture.token(), body);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(Probe.parse(answer).getJsonObject("error").getString("type")).isEqualTo("invalid_request_error");
    }

    @Test
    void should_refuse_a_body_on_an_anonymous_endpoint_over_its_limit() {
        HttpResponse<String> answer = Probe.send(
                "POST",
                "/v1/models",
                null,
                "application/json",
                "x".repeat(100 * 1024).getBytes());

        assertThat(answer.statusCode()).isEqualTo(413);
    }

    @Test
    void should_refuse_a_chunked_body_over_its_limit_once_read_past_it() {
        String id = Probe.unique("chunked");
        byte[] chunk =
                ("{\"id\":\"" + id + "\",\"description\":\"" + "y".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder()
                .append("POST /api/admin/models HTTP/1.1\r\nHost: localhost:")
                .append(Probe.port())
                .append("\r\nAuthorization: ")
                .append(admin())
                .append(
                        "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < 5; i++) {
            String text = new String(chunk, StandardCharsets.ISO_8859_1);
            request.append(Integer.toHexString(chunk.length))
                    .append("\r\n")
                    .append(text)
                    .append("\r\n");
        }
        request.append("0\r\n\r\n");

        String answer = Probe.raw(request.toString());

        assertThat(Probe.statusOf(answer)).isEqualTo(413);
        assertThat(Probe.get("/api/admin/models/" + id, admin()).statusCode()).isEqualTo(404);
    }
}
