package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseRetrieveParams;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stored Responses API responses, kept in the database for the key that made them: read back with
 * {@code GET /responses/{id}} (by OpenAI's Java SDK), continued with {@code previous_response_id}, deleted with
 * {@code DELETE}, and invisible to every other key, which gets OpenAI's 404 as for a response that does not exist.
 */
class StoredResponsesIT {

    private static AgentUpstream upstream;
    private static String agent;
    private static JsonObject owner;
    private static JsonObject stranger;
    private static OpenAIClient client;

    @BeforeAll
    static void createModelAndKeys() throws Exception {
        upstream = new AgentUpstream();
        agent = unique("it-stored");
        GatewayAdmin.createChatModel(agent, AgentUpstream.MODEL, upstream.apiBase());
        owner = GatewayAdmin.issueKey(unique("it-stored-owner"), "[\"" + agent + "\"]", "{}");
        stranger = GatewayAdmin.issueKey(unique("it-stored-stranger"), "[\"" + agent + "\"]", "{}");
        client = OpenAiClients.forKey(owner.getString("token"));
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(owner);
        GatewayAdmin.revokeQuietly(stranger);
        if (agent != null) {
            GatewayAdmin.deleteModelQuietly(agent);
        }
        if (client != null) {
            client.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void should_keep_a_response_for_its_key_only_until_that_key_deletes_it() {
        String marker = unique("stored");
        Response created = client.responses()
                .create(ResponseCreateParams.builder()
                        .model(agent)
                        .input("Say something " + marker)
                        .build());

        Response retrieved = client.responses()
                .retrieve(ResponseRetrieveParams.builder()
                        .responseId(created.id())
                        .build());
        assertThat(retrieved.id()).isEqualTo(created.id());
        assertThat(retrieved
                        .output()
                        .get(0)
                        .asMessage()
                        .content()
                        .get(0)
                        .asOutputText()
                        .text())
                .isEqualTo("Plain answer");

        HttpResponse<String> continued = send(
                "POST",
                "/openai/v1/responses",
                owner,
                "{\"model\":\"" + agent + "\",\"previous_response_id\":\"" + created.id()
                        + "\",\"input\":\"And then?\"}");
        assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
        assertThat(upstream.lastRequestWith(marker).getJsonArray("messages").toString())
                .contains(marker, "Plain answer", "And then?");

        HttpResponse<String> strangerReads = send("GET", "/openai/v1/responses/" + created.id(), stranger, null);
        HttpResponse<String> strangerContinues = send(
                "POST",
                "/openai/v1/responses",
                stranger,
                "{\"model\":\"" + agent + "\",\"previous_response_id\":\"" + created.id()
                        + "\",\"input\":\"Mine now?\"}");
        HttpResponse<String> strangerDeletes = send("DELETE", "/openai/v1/responses/" + created.id(), stranger, null);
        assertThat(strangerReads.statusCode()).isEqualTo(404);
        assertThat(json(strangerReads).getJsonObject("error").getString("code")).isEqualTo("not_found");
        assertThat(strangerContinues.statusCode()).isEqualTo(404);
        assertThat(json(strangerContinues).getJsonObject("error").getString("param"))
                .isEqualTo("previous_response_id");
        assertThat(strangerDeletes.statusCode()).isEqualTo(404);

        HttpResponse<String> deleted = send("DELETE", "/openai/v1/responses/" + created.id(), owner, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).getString("id")).isEqualTo(created.id());
        assertThat(json(deleted).getString("object")).isEqualTo("response.deleted");
        assertThat(json(deleted).getBoolean("deleted")).isTrue();
        assertThat(send("GET", "/openai/v1/responses/" + created.id(), owner, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(
                                "POST",
                                "/openai/v1/responses",
                                owner,
                                "{\"model\":\"" + agent + "\",\"previous_response_id\":\"" + created.id()
                                        + "\",\"input\":\"Again?\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> send(String method, String path, JsonObject key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ServerUnderTest.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key.getString("token"));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return ServerUnderTest.send(request.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
