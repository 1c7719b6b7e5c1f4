package it.llmadmin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model's parameter ranges and capabilities from the registry, enforced on calls through the gateway: a call outside
 * them is a 400 naming the parameter and the model's range, and never reaches the provider.
 */
class ModelSpecsIT {

    private static ProviderStub provider;
    private static JsonObject key;
    private static String token;
    private static String narrow;

    @BeforeAll
    static void createModelAndKey() throws Exception {
        provider = new ProviderStub();
        narrow = RoutingAdmin.unique("it-specs");
        RoutingAdmin.createModel("{\"id\":\"" + narrow + "\",\"type\":\"chat\",\"provider\":\"other\","
                + "\"providerModelName\":\"ok-" + narrow + "\",\"displayName\":\"IT specs\",\"apiBase\":\""
                + provider.apiBase() + "\",\"contextLength\":8192,\"active\":true,"
                + "\"capabilities\":{\"streaming\":false,\"tools\":false,\"jsonOutput\":false},"
                + "\"parameters\":{\"temperatureMin\":0.2,\"temperatureMax\":1.0,\"topPMin\":0.5,\"topPMax\":0.9,"
                + "\"maxTokens\":1000}}");
        key = RoutingAdmin.issueKey(RoutingAdmin.unique("it-specs-key"));
        token = key.getString("token");
    }

    @AfterAll
    static void cleanUp() {
        RoutingAdmin.revokeQuietly(key);
        if (narrow != null) {
            RoutingAdmin.deleteModelQuietly(narrow);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static HttpResponse<String> call(String extra) {
        return RoutingAdmin.complete(
                token,
                "{\"model\":\"" + narrow + "\"," + extra + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    private static void assertRefused(HttpResponse<String> response, String parameter, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = RoutingAdmin.object(response.body()).getJsonObject("error");
        assertThat(error.getString("param")).isEqualTo(parameter);
        assertThat(error.getString("message")).contains(message);
    }

    @Test
    void should_refuse_parameters_outside_the_models_ranges_naming_the_range() {
        int before = provider.requestsFor("ok-" + narrow);

        assertRefused(call("\"temperature\":1.5,"), "temperature", "between 0.2 and 1 for model '" + narrow + "'");
        assertRefused(call("\"top_p\":0.95,"), "top_p", "between 0.5 and 0.9");
        assertRefused(call("\"max_tokens\":1001,"), "max_tokens", "between 1 and 1000");
        assertThat(provider.requestsFor("ok-" + narrow)).isEqualTo(before);
    }

    @Test
    void should_refuse_what_the_model_cannot_do() {
        int before = provider.requestsFor("ok-" + narrow);

        assertRefused(call("\"stream\":true,"), "stream", "does not stream");
        assertRefused(call("\"response_format\":{\"type\":\"json_object\"},"), "response_format", "no JSON output");
        assertThat(provider.requestsFor("ok-" + narrow)).isEqualTo(before);
    }

    @Test
    void should_answer_a_call_within_the_models_specs() {
        HttpResponse<String> response = call("\"temperature\":0.5,\"top_p\":0.8,\"max_tokens\":100,");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
