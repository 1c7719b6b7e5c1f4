package io.llmadmin.services.llm.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatOptions;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tools with JSON Schema parameters through each provider's real wire format (a local WireMock server answering as the
 * provider does): the tool offered in the provider's own shape, the model's tool call read back, and a tool result sent
 * in the provider's own shape.
 */
class ProviderToolsWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
            + "\"description\":\"the city\"},\"unit\":{\"type\":\"string\",\"enum\":[\"C\",\"F\"]},"
            + "\"days\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}},\"required\":[\"city\"]}";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LangChain4jChatService serviceFor(ProviderWire wire) {
        TestSupport.Models models = new TestSupport.Models().add(wire.model("m1", server.baseUrl()));
        return TestSupport.service(models, new TestSupport.RecordingGuard(), TestSupport.records(), 0);
    }

    private static ToolSpec weather() {
        return ToolSpec.withSchema("get_weather", "The weather in a city", SCHEMA, false);
    }

    private JsonNode lastRequest() throws Exception {
        var requests = server.getAllServeEvents();
        return JSON.readTree(requests.get(0).getRequest().getBodyAsString());
    }

    @ParameterizedTest
    @EnumSource(
            value = ProviderWire.class,
            names = {"OPENAI", "ANTHROPIC", "GEMINI", "OLLAMA", "MISTRAL"})
    void should_offer_a_json_schema_tool_and_read_the_models_call_in_the_providers_format(ProviderWire wire)
            throws Exception {
        server.stubFor(post(urlPathEqualTo(wire.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(toolCallAnswer(wire))));

        ChatResult result = serviceFor(wire)
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Weather in Paris?"))
                        .tool(weather())
                        .build());

        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(JSON.readTree(call.argumentsJson()).path("city").asText())
                    .isEqualTo("Paris");
        });
        JsonNode offered = offeredTool(wire, lastRequest());
        assertThat(offered.path("name").asText()).isEqualTo("get_weather");
        JsonNode parameters =
                wire == ProviderWire.ANTHROPIC ? offered.path("input_schema") : offered.path("parameters");
        assertThat(parameters
                        .path("properties")
                        .path("city")
                        .path("description")
                        .asText())
                .isEqualTo("the city");
        assertThat(parameters
                        .path("properties")
                        .path("days")
                        .path("items")
                        .path("type")
                        .asText()
                        .toLowerCase())
                .isEqualTo("integer");
        assertThat(parameters.path("properties").path("unit").path("enum").toString())
                .contains("C", "F");
        assertThat(parameters.path("required").toString()).contains("city");
    }

    @ParameterizedTest
    @EnumSource(
            value = ProviderWire.class,
            names = {"OPENAI", "ANTHROPIC", "GEMINI", "OLLAMA", "MISTRAL"})
    void should_send_the_assistants_tool_call_and_the_tools_result_in_the_providers_format(ProviderWire wire)
            throws Exception {
        server.stubFor(post(urlPathEqualTo(wire.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(wire.answer("Sunny in Paris."))));

        ChatResult result = serviceFor(wire)
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Weather in Paris?"))
                        .message(ChatMessage.assistant(
                                "", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))))
                        .message(ChatMessage.toolResult("call_1", "get_weather", "Sunny, 24 C"))
                        .tool(weather())
                        .build());

        assertThat(result.response()).isEqualTo("Sunny in Paris.");
        String sent = lastRequest().toString();
        switch (wire) {
            case OPENAI, MISTRAL -> assertThat(sent).contains("\"tool_call_id\":\"call_1\"", "\"role\":\"tool\"");
            case ANTHROPIC ->
                assertThat(sent).contains("\"tool_result\"", "\"tool_use_id\":\"call_1\"", "\"tool_use\"");
            case GEMINI -> assertThat(sent).contains("\"functionResponse\"", "\"functionCall\"");
            case OLLAMA -> assertThat(sent).contains("\"role\":\"tool\"", "\"tool_calls\"");
            default -> throw new AssertionError(wire);
        }
        assertThat(sent).contains("Sunny, 24 C");
    }

    @Test
    void should_send_a_named_tool_choice_as_that_tool_alone_and_required() throws Exception {
        server.stubFor(post(urlPathEqualTo(ProviderWire.OPENAI.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(toolCallAnswer(ProviderWire.OPENAI))));

        serviceFor(ProviderWire.OPENAI)
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Weather?"))
                        .tool(weather())
                        .tool(ToolSpec.withSchema("other", "", "{\"type\":\"object\",\"properties\":{}}", false))
                        .options(new ChatOptions(
                                ChatOptions.ToolChoice.function("get_weather"),
                                null,
                                List.of("END"),
                                7,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null,
                                null,
                                null,
                                null))
                        .build());

        JsonNode sent = lastRequest();
        assertThat(sent.path("tools")).hasSize(1);
        assertThat(sent.path("tool_choice").asText()).isEqualTo("required");
        assertThat(sent.path("stop").get(0).asText()).isEqualTo("END");
        assertThat(sent.path("seed").asInt()).isEqualTo(7);
    }

    @Test
    void should_return_the_providers_logprobs_from_an_openai_wire_model_as_it_sent_them() throws Exception {
        String logprobs = "{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.25,\"bytes\":[72,105],"
                + "\"top_logprobs\":[{\"token\":\"Hi\",\"logprob\":-0.25,\"bytes\":[72,105]}]}],\"refusal\":null}";
        server.stubFor(post(urlPathEqualTo(ProviderWire.OPENAI.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                                + "\"logprobs\":" + logprobs + ",\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}")));

        ChatResult result = serviceFor(ProviderWire.OPENAI)
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Hi"))
                        .options(new ChatOptions(
                                null, null, null, null, null, null, null, true, 1, null, null, false, null, null, null,
                                null))
                        .build());

        assertThat(result.response()).isEqualTo("Hi");
        assertThat(JSON.readTree(result.logprobsJson())).isEqualTo(JSON.readTree(logprobs));
        JsonNode sent = lastRequest();
        assertThat(sent.path("logprobs").asBoolean()).isTrue();
        assertThat(sent.path("top_logprobs").asInt()).isEqualTo(1);
    }

    @Test
    void should_return_every_choice_of_an_openai_wire_answer_asked_for_several() throws Exception {
        server.stubFor(post(urlPathEqualTo(ProviderWire.OPENAI.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"One\"},"
                                + "\"finish_reason\":\"stop\"},{\"index\":1,\"message\":{\"role\":\"assistant\","
                                + "\"content\":\"<think>hm</think>Two\"},\"finish_reason\":\"length\"}],"
                                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9}}")));

        ChatResult result = serviceFor(ProviderWire.OPENAI)
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Hi"))
                        .options(new ChatOptions(
                                null, null, null, null, null, null, null, null, null, null, null, false, null, null,
                                null, 2))
                        .build());

        assertThat(result.response()).isEqualTo("One");
        assertThat(result.usage().orElseThrow().outputTokens()).isEqualTo(4);
        assertThat(result.otherChoices()).singleElement().satisfies(other -> {
            assertThat(other.response()).isEqualTo("Two");
            assertThat(other.reasoning()).isEqualTo("hm");
            assertThat(other.finishReason()).contains("length");
        });
        assertThat(lastRequest().path("n").asInt()).isEqualTo(2);
    }

    @Test
    void should_refuse_several_choices_for_anthropic_naming_n() {
        ChatCall call = ChatCall.builder("m1")
                .message(ChatMessage.user("Hi"))
                .options(new ChatOptions(
                        null, null, null, null, null, null, null, null, null, null, null, false, null, null, null, 2))
                .build();

        assertThatThrownBy(() -> serviceFor(ProviderWire.ANTHROPIC).chat(call))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("n"))
                .hasMessageContaining("m1");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void should_send_a_json_schema_to_anthropic_as_its_output_config_format() throws Exception {
        server.stubFor(post(urlPathEqualTo(ProviderWire.ANTHROPIC.chatPath))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.ANTHROPIC.answer("{\"city\":\"Paris\"}"))));

        ChatResult result = serviceFor(ProviderWire.ANTHROPIC)
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Where?"))
                        .options(new ChatOptions(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new ChatOptions.ResponseSchema("place", SCHEMA, true),
                                false,
                                null,
                                null,
                                null,
                                null))
                        .build());

        assertThat(result.response()).isEqualTo("{\"city\":\"Paris\"}");
        // Anthropic's structured output: the schema under output_config.format, type json_schema.
        JsonNode format = lastRequest().path("output_config").path("format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("schema")
                        .path("properties")
                        .path("city")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        assertThat(format.path("schema").path("required").toString()).contains("city");
    }

    @Test
    void should_refuse_a_seed_for_anthropic_naming_the_parameter_and_the_model() {
        ChatCall call = ChatCall.builder("m1")
                .message(ChatMessage.user("Hi"))
                .options(new ChatOptions(
                        null, null, null, 7, null, null, null, null, null, null, null, false, null, null, null, null))
                .build();

        assertThatThrownBy(() -> serviceFor(ProviderWire.ANTHROPIC).chat(call))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("seed"))
                .hasMessageContaining("m1");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static JsonNode offeredTool(ProviderWire wire, JsonNode request) {
        return switch (wire) {
            case OPENAI, MISTRAL, OLLAMA -> request.path("tools").get(0).path("function");
            case ANTHROPIC -> request.path("tools").get(0);
            case GEMINI ->
                request.path("tools").get(0).path("functionDeclarations").get(0);
            default -> throw new AssertionError(wire);
        };
    }

    private static String toolCallAnswer(ProviderWire wire) {
        return switch (wire) {
            case OPENAI, MISTRAL -> """
                    {"id":"c1","object":"chat.completion","created":1,"model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1",
                     "type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                     "finish_reason":"tool_calls"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""".formatted(wire.modelName);
            case ANTHROPIC -> """
                    {"id":"msg_1","type":"message","role":"assistant","model":"%s",
                     "content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}],
                     "stop_reason":"tool_use","stop_sequence":null,
                     "usage":{"input_tokens":5,"output_tokens":2}}""".formatted(wire.modelName);
            case GEMINI -> """
                    {"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}],
                     "role":"model"},"finishReason":"STOP","index":0}],
                     "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":2,"totalTokenCount":7}}""";
            case OLLAMA -> """
                    {"model":"%s","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":"",
                     "tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Paris"}}}]},
                     "done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":2}""".formatted(wire.modelName);
            default -> throw new AssertionError(wire);
        };
    }
}
