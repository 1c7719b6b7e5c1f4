package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.StructuredResponse;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Responses API ({@code /openai/v1/responses}) driven by OpenAI's Java SDK: a tool round trip through
 * {@code previous_response_id}, the same without stored state, streaming with the documented events, and structured
 * output; the provider behind it is the tool-playing stub in OpenAI's chat wire format.
 */
class ResponsesApiIT {

    private static AgentGateway gateway;
    private static AgentUpstream upstream;
    private static String agent;
    private static String reasoner;
    private static JsonObject key;
    private static OpenAIClient client;

    /** A tool, as the SDK derives it from a class. */
    public static class GetWeather {
        public String city;
    }

    /** A structured answer. */
    public static class Person {
        public String name;
        public int age;
    }

    @BeforeAll
    static void createModelAndKey() throws Exception {
        gateway = new AgentGateway();
        upstream = gateway.upstream;
        agent = gateway.chatModel("it-resp", AgentUpstream.MODEL);
        reasoner = gateway.chatModel("it-resp-reasoner", AgentUpstream.REASONER);
        key = gateway.key("it-resp-key", "{}", agent, reasoner);
        client = gateway.client(key);
    }

    @AfterAll
    static void cleanUp() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void should_round_trip_a_function_call_through_previous_response_id() {
        String marker = unique("resp-weather");
        Response first = client.responses()
                .create(ResponseCreateParams.builder()
                        .model(agent)
                        .instructions("You are a weather bot.")
                        .input("Weather in Paris? " + marker)
                        .addTool(GetWeather.class)
                        .build());

        ResponseFunctionToolCall call = first.output().stream()
                .filter(item -> item.isFunctionCall())
                .findFirst()
                .orElseThrow()
                .asFunctionCall();
        assertThat(call.name()).isEqualTo("GetWeather");
        assertThat(call.arguments(GetWeather.class).city).isEqualTo("Paris");
        assertThat(first.id()).startsWith("resp_");

        Response second = client.responses()
                .create(ResponseCreateParams.builder()
                        .model(agent)
                        .instructions("You are a weather bot.")
                        .previousResponseId(first.id())
                        .inputOfResponse(List.of(
                                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                                        .callId(call.callId())
                                        .output("Rainy, 12 C")
                                        .build())))
                        .addTool(GetWeather.class)
                        .build());

        String text = second.output()
                .get(0)
                .asMessage()
                .content()
                .get(0)
                .asOutputText()
                .text();
        assertThat(text).isEqualTo("The tool said: Rainy, 12 C");
        JsonArray sent = upstream.lastRequestWith(marker).getJsonArray("messages");
        assertThat(sent.getJsonObject(0).getString("role")).isEqualTo("system");
        assertThat(sent.getJsonObject(1).getString("content")).contains(marker);
        assertThat(sent.getJsonObject(2)
                        .getJsonArray("tool_calls")
                        .getJsonObject(0)
                        .getString("id"))
                .isEqualTo(call.callId());
        assertThat(sent.getJsonObject(3).getString("role")).isEqualTo("tool");
        assertThat(sent.getJsonObject(3).getString("tool_call_id")).isEqualTo(call.callId());
    }

    @Test
    void should_take_the_whole_conversation_as_input_items_without_stored_state() {
        HttpResponse<String> response = post("{\"model\":\"" + agent + "\",\"store\":false,\"input\":["
                + "{\"role\":\"user\",\"content\":\"Weather?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_9\",\"name\":\"get_weather\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_9\",\"output\":\"Foggy\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{}}}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = json(response);
        assertThat(body.getString("object")).isEqualTo("response");
        assertThat(body.getString("status")).isEqualTo("completed");
        JsonObject message = body.getJsonArray("output").getJsonObject(0);
        assertThat(message.getString("type")).isEqualTo("message");
        assertThat(message.getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("The tool said: Foggy");
        assertThat(body.getJsonObject("usage").getInt("total_tokens")).isEqualTo(26);
        HttpResponse<String> retrieved = ServerUnderTest.send(
                HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/responses/" + body.getString("id")))
                        .header("Authorization", "Bearer " + key.getString("token"))
                        .GET()
                        .build());
        assertThat(retrieved.statusCode()).as("store: false keeps nothing").isEqualTo(404);
    }

    @Test
    void should_stream_the_documented_events_ending_with_the_completed_response() {
        List<String> deltas = new ArrayList<>();
        Response completed = null;
        try (StreamResponse<ResponseStreamEvent> stream = client.responses()
                .createStreaming(ResponseCreateParams.builder()
                        .model(reasoner)
                        .input("Hello " + unique("resp-stream"))
                        .build())) {
            for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) stream.stream()::iterator) {
                if (event.isOutputTextDelta()) {
                    deltas.add(event.asOutputTextDelta().delta());
                }
                if (event.isCompleted()) {
                    completed = event.asCompleted().response();
                }
            }
        }

        assertThat(String.join("", deltas)).isEqualTo("Plain answer");
        assertThat(completed).isNotNull();
        assertThat(completed.output()).hasSize(2);
        assertThat(completed
                        .output()
                        .get(1)
                        .asMessage()
                        .content()
                        .get(0)
                        .asOutputText()
                        .text())
                .isEqualTo("Plain answer");

        HttpResponse<String> raw = post("{\"model\":\"" + agent + "\",\"stream\":true,\"input\":\"Weather?\","
                + "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}]}");
        List<String> types = new ArrayList<>();
        StringBuilder arguments = new StringBuilder();
        int sequence = 0;
        for (String line : raw.body().split("\n")) {
            if (line.startsWith("data: ")) {
                JsonObject event = GatewayAdmin.parse(line.substring(6));
                assertThat(event.getInt("sequence_number")).isEqualTo(sequence++);
                types.add(event.getString("type"));
                if (event.getString("type").equals("response.function_call_arguments.delta")) {
                    arguments.append(event.getString("delta"));
                }
            }
        }
        // The provider streams the arguments in pieces, and so does the gateway: one delta per piece.
        assertThat(types.stream().filter("response.function_call_arguments.delta"::equals))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(arguments).hasToString(AgentUpstream.ARGUMENTS);
        assertThat(types.stream().distinct())
                .containsExactly(
                        "response.created",
                        "response.in_progress",
                        "response.output_item.added",
                        "response.function_call_arguments.delta",
                        "response.function_call_arguments.done",
                        "response.output_item.done",
                        "response.completed");
    }

    @Test
    void should_answer_structured_output_for_the_sdks_text_format_class() {
        String marker = unique("resp-person");
        StructuredResponse<Person> response = client.responses()
                .create(ResponseCreateParams.builder()
                        .model(agent)
                        .input("Who wrote the first program? " + marker)
                        .text(Person.class)
                        .build());

        Person person = response.output().stream()
                .flatMap(item -> item.message().stream())
                .flatMap(message -> message.content().stream())
                .flatMap(content -> content.outputText().stream())
                .findFirst()
                .orElseThrow();
        assertThat(person.name).isEqualTo("Ada");
        JsonObject format = upstream.lastRequestWith(marker).getJsonObject("response_format");
        assertThat(format.getJsonObject("json_schema").getBoolean("strict")).isTrue();
    }

    @Test
    void should_refuse_an_unknown_previous_response_and_a_non_function_tool_by_name() {
        HttpResponse<String> unknown =
                post("{\"model\":\"" + agent + "\",\"input\":\"Hi\",\"previous_response_id\":\"resp_nope\"}");
        HttpResponse<String> webSearch =
                post("{\"model\":\"" + agent + "\",\"input\":\"Hi\",\"tools\":[{\"type\":\"web_search\"}]}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getJsonObject("error").getString("param")).isEqualTo("previous_response_id");
        assertThat(webSearch.statusCode()).isEqualTo(400);
        assertThat(json(webSearch).getJsonObject("error").getString("param")).isEqualTo("tools");
    }

    private static HttpResponse<String> post(String body) {
        return AgentGateway.post("/responses", key, body);
    }
}
