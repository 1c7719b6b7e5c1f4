package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.unique;

import com.openai.client.OpenAIClient;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the agent ITs share: the tool-playing {@link AgentUpstream} on loopback, the IT's models on it (each with a
 * unique id), gateway keys allowed to call them, OpenAI's Java client with a key, and raw calls through the gateway.
 * {@link #close()} revokes the keys, deletes the models and stops the stub and the clients.
 */
final class AgentGateway implements AutoCloseable {

    final AgentUpstream upstream;
    private final List<String> models = new ArrayList<>();
    private final List<JsonObject> keys = new ArrayList<>();
    private final List<OpenAIClient> clients = new ArrayList<>();

    AgentGateway() throws IOException {
        upstream = new AgentUpstream();
    }

    /** An active chat model of provider {@code other} on the stub, answering as the stub's {@code upstreamModel}. */
    String chatModel(String prefix, String upstreamModel) {
        String id = unique(prefix);
        GatewayAdmin.createChatModel(id, upstreamModel, upstream.apiBase());
        models.add(id);
        return id;
    }

    /** An active chat model of another provider (no key stored) whose api base is the stub. */
    String chatModelOf(String prefix, String provider, String providerModelName) {
        String id = unique(prefix);
        GatewayAdmin.createModelOf(id, "chat", provider, providerModelName, upstream.apiBase());
        models.add(id);
        return id;
    }

    /** A key allowed to call these models, with these per-minute limits (a JSON object); its token included. */
    JsonObject key(String prefix, String limitsJson, String... allowedModels) {
        String allowed = List.of(allowedModels).stream()
                .map(model -> "\"" + model + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        JsonObject key = GatewayAdmin.issueKey(unique(prefix), allowed, limitsJson);
        keys.add(key);
        return key;
    }

    /** OpenAI's Java client calling the gateway with this key. */
    OpenAIClient client(JsonObject key) {
        OpenAIClient client = OpenAiClients.forKey(key.getString("token"));
        clients.add(client);
        return client;
    }

    /** A raw JSON {@code POST} through the gateway ({@code path} below {@code /openai/v1}) with this key. */
    static HttpResponse<String> post(String path, JsonObject key, String body) {
        return ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key.getString("token"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Override
    public void close() {
        keys.forEach(GatewayAdmin::revokeQuietly);
        models.forEach(GatewayAdmin::deleteModelQuietly);
        clients.forEach(OpenAIClient::close);
        upstream.close();
    }
}
