package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.json;
import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tool-using agents through the gateway's chat completions, driven by OpenAI's own Java SDK (and raw HTTP where the
 * exact wire shape is the point), against a provider on loopback that plays a tool-calling model in OpenAI's format.
 */
class AgentChatCompletionsIT {

    private static AgentGateway gateway;
    private static AgentUpstream upstream;
    private static String agent;
    private static String reasoner;
    private static String overflow;
    private static String cutOff;
    private static String anthropic;
    private static JsonObject key;
    private static OpenAIClient client;

    /** A tool, as the SDK derives it from a class: {@code GetWeather(city)}. */
    public static class GetWeather {
        public String city;
    }

    /** A structured answer, as the SDK derives its schema from a class. */
    public static class Person {
        public String name;
        public int age;
    }

    @BeforeAll
    static void createModelsAndKey() throws Exception {
        gateway = new AgentGateway();
        upstream = gateway.upstream;
        agent = gateway.chatModel("it-agent", AgentUpstream.MODEL);
        reasoner = gateway.chatModel("it-agent-reasoner", AgentUpstream.REASONER);
        overflow = gateway.chatModel("it-agent-overflow", AgentUpstream.OVERFLOW);
        cutOff = gateway.chatModel("it-agent-cut-off", AgentUpstream.CUT_OFF);
        anthropic = gateway.chatModelOf("it-agent-anthropic", "anthropic", "claude-it");
        key = gateway.key("it-agent-key", "{}", agent, reasoner, overflow, cutOff, anthropic);
        client = gateway.client(key);
    }

    @AfterAll
    static void cleanUp() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void should_round_trip_a_tool_call_for_the_openai_java_sdk() {
        String marker = unique("weather");
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(agent)
                .addUserMessage("What is the weather in Paris? " + marker)
                .addTool(GetWeather.class);

        ChatCompletion first = client.chat().completions().create(params.build());

        assertThat(first.choices().get(0).finishReason()).hasToString("tool_calls");
        ChatCompletionMessageFunctionToolCall call = first.choices()
                .get(0)
                .message()
                .toolCalls()
                .orElseThrow()
                .get(0)
                .asFunction();
        assertThat(call.function().name()).isEqualTo("GetWeather");
        assertThat(call.function().arguments(GetWeather.class).city).isEqualTo("Paris");
        JsonObject offered = upstream.lastRequestWith(marker);
        JsonObject tool = offered.getJsonArray("tools").getJsonObject(0).getJsonObject("function");
        assertThat(tool.getString("name")).isEqualTo("GetWeather");
        assertThat(tool.getJsonObject("parameters").getJsonObject("properties").containsKey("city"))
                .isTrue();

        params.addMessage(first.choices().get(0).message())
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id())
                        .content("Sunny, 24 C")
                        .build());
        ChatCompletion second = client.chat().completions().create(params.build());

        assertThat(second.choices().get(0).message().content()).contains("The tool said: Sunny, 24 C");
        assertThat(second.choices().get(0).finishReason()).hasToString("stop");
        JsonObject answered = upstream.lastRequestWith(marker);
        JsonObject toolMessage = answered.getJsonArray("messages").getJsonObject(2);
        assertThat(toolMessage.getString("role")).isEqualTo("tool");
        assertThat(toolMessage.getString("tool_call_id")).isEqualTo(call.id());
        assertThat(answered.getJsonArray("messages")
                        .getJsonObject(1)
                        .getJsonArray("tool_calls")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("name"))
                .isEqualTo("GetWeather");
    }

    @Test
    void should_stream_a_tool_call_in_openais_chunk_shape_for_the_sdks_accumulator() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(agent)
                .addUserMessage("Weather? " + unique("stream"))
                .addTool(GetWeather.class)
                .build();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<String> fragments = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices()
                        .forEach(choice -> choice.delta()
                                .toolCalls()
                                .ifPresent(calls -> calls.forEach(call -> call.function()
                                        .flatMap(f -> f.arguments())
                                        .ifPresent(fragments::add))));
            });
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion.choices().get(0).finishReason()).hasToString("tool_calls");
        ChatCompletionMessageFunctionToolCall call = completion
                .choices()
                .get(0)
                .message()
                .toolCalls()
                .orElseThrow()
                .get(0)
                .asFunction();
        assertThat(call.id()).isNotBlank();
        assertThat(call.function().name()).isEqualTo("GetWeather");
        assertThat(call.function().arguments()).isEqualTo(AgentUpstream.ARGUMENTS);
        // The provider streams the arguments in two pieces: the client sees them as they came, not joined at the end.
        assertThat(fragments.stream().filter(piece -> !piece.isEmpty())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", fragments)).isEqualTo(AgentUpstream.ARGUMENTS);
    }

    @Test
    void should_send_streamed_tool_call_deltas_with_index_id_name_then_arguments() {
        HttpResponse<String> response = post("{\"model\":\"" + agent + "\",\"stream\":true,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Weather?\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]}}}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonObject> deltas = new ArrayList<>();
        List<String> finishReasons = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonObject choice = GatewayAdmin.parse(line.substring(6))
                        .getJsonArray("choices")
                        .getJsonObject(0);
                deltas.add(choice.getJsonObject("delta"));
                if (!choice.isNull("finish_reason")) {
                    finishReasons.add(choice.getString("finish_reason"));
                }
            }
        }
        assertThat(response.body().strip()).endsWith("data: [DONE]");
        List<JsonObject> toolDeltas = deltas.stream()
                .filter(delta -> delta.containsKey("tool_calls"))
                .map(delta -> delta.getJsonArray("tool_calls").getJsonObject(0))
                .toList();
        assertThat(toolDeltas.get(0).getInt("index")).isZero();
        assertThat(toolDeltas.get(0).getString("id")).isNotBlank();
        assertThat(toolDeltas.get(0).getString("type")).isEqualTo("function");
        assertThat(toolDeltas.get(0).getJsonObject("function").getString("name"))
                .isEqualTo("get_weather");
        assertThat(toolDeltas.stream()
                        .map(delta -> delta.getJsonObject("function").getString("arguments", ""))
                        .reduce("", String::concat))
                .isEqualTo(AgentUpstream.ARGUMENTS);
        assertThat(toolDeltas.subList(1, toolDeltas.size()))
                .allSatisfy(delta -> assertThat(delta.containsKey("id")).isFalse());
        // The provider streams the arguments in two pieces; each reaches the client as its own delta.
        assertThat(toolDeltas)
                .filteredOn(delta ->
                        !delta.getJsonObject("function").getString("arguments").isEmpty())
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(finishReasons).containsExactly("tool_calls");
    }

    @Test
    void should_return_a_structured_answer_for_the_sdks_response_format_class() {
        String marker = unique("person");
        StructuredChatCompletionCreateParams<Person> params = ChatCompletionCreateParams.builder()
                .model(agent)
                .addUserMessage("Who wrote the first program? " + marker)
                .responseFormat(Person.class)
                .build();

        StructuredChatCompletion<Person> completion =
                client.chat().completions().create(params);

        Person person = completion.choices().get(0).message().content().orElseThrow();
        assertThat(person.name).isEqualTo("Ada");
        assertThat(person.age).isEqualTo(36);
        JsonObject format = upstream.lastRequestWith(marker).getJsonObject("response_format");
        assertThat(format.getString("type")).isEqualTo("json_schema");
        assertThat(format.getJsonObject("json_schema").getBoolean("strict")).isTrue();
        assertThat(format.getJsonObject("json_schema")
                        .getJsonObject("schema")
                        .getJsonObject("properties")
                        .keySet())
                .containsExactlyInAnyOrder("name", "age");
    }

    @Test
    void should_pass_stop_seed_penalties_tool_choice_and_max_completion_tokens_upstream() {
        String marker = unique("params");
        HttpResponse<String> response = post("{\"model\":\"" + agent + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + marker + "\"}],\"stop\":[\"Observation:\",\"END\"],\"seed\":42,"
                + "\"frequency_penalty\":0.5,\"presence_penalty\":-0.25,\"logit_bias\":{\"50256\":-100},"
                + "\"max_completion_tokens\":77,\"reasoning_effort\":\"low\",\"user\":\"alice\","
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a\"}},{\"type\":\"function\","
                + "\"function\":{\"name\":\"b\"}}],\"tool_choice\":\"none\",\"parallel_tool_calls\":false}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject sent = upstream.lastRequestWith(marker);
        assertThat(sent.getJsonArray("stop").getString(0)).isEqualTo("Observation:");
        assertThat(sent.getInt("seed")).isEqualTo(42);
        assertThat(sent.getJsonNumber("frequency_penalty").doubleValue()).isEqualTo(0.5);
        assertThat(sent.getJsonNumber("presence_penalty").doubleValue()).isEqualTo(-0.25);
        assertThat(sent.getJsonObject("logit_bias").getInt("50256")).isEqualTo(-100);
        assertThat(sent.getInt("max_completion_tokens")).isEqualTo(77);
        assertThat(sent.containsKey("max_tokens")).isFalse();
        assertThat(sent.getString("reasoning_effort")).isEqualTo("low");
        assertThat(sent.getString("user")).isEqualTo("alice");
        assertThat(sent.getString("tool_choice")).isEqualTo("none");
        assertThat(sent.getBoolean("parallel_tool_calls")).isFalse();
        assertThat(json(response)
                        .getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("message")
                        .getString("content"))
                .isEqualTo("Plain answer");
    }

    @Test
    void should_offer_only_the_named_function_and_require_it() {
        String marker = unique("named");
        HttpResponse<String> response = post("{\"model\":\"" + agent + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + marker + "\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"a\"}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"b\"}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"b\"}}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject sent = upstream.lastRequestWith(marker);
        assertThat(sent.getJsonArray("tools")).hasSize(1);
        assertThat(sent.getJsonArray("tools")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("name"))
                .isEqualTo("b");
        assertThat(sent.getString("tool_choice")).isEqualTo("required");
    }

    @Test
    void should_accept_the_values_that_mean_off_for_any_model() {
        String neutral = ",\"tools\":[],\"stop\":[],\"logprobs\":false,\"logit_bias\":{},\"n\":1,"
                + "\"frequency_penalty\":0,\"presence_penalty\":0,\"metadata\":{},\"store\":false,"
                + "\"parallel_tool_calls\":true,\"functions\":[]}";
        HttpResponse<String> openAi = post(
                "{\"model\":\"" + agent + "\",\"messages\":[{\"role\":\"user\"," + "\"content\":\"Hi\"}]" + neutral);

        assertThat(openAi.statusCode()).as(openAi.body()).isEqualTo(200);
    }

    @Test
    void should_refuse_a_parameter_the_models_provider_cannot_honour_naming_it_and_the_model() {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
        for (String parameter : List.of(
                "\"frequency_penalty\":0.5",
                "\"presence_penalty\":1",
                "\"seed\":1",
                "\"logit_bias\":{\"1\":5}",
                "\"reasoning_effort\":\"high\"",
                "\"logprobs\":true",
                // Anthropic's structured output takes a schema (json_schema passes); a schemaless JSON mode it has not.
                "\"response_format\":{\"type\":\"json_object\"}")) {
            HttpResponse<String> response =
                    post("{\"model\":\"" + anthropic + "\"," + messages + "," + parameter + "}");

            String name = parameter.substring(1, parameter.indexOf('"', 1));
            assertThat(response.statusCode())
                    .as(parameter + " -> " + response.body())
                    .isEqualTo(400);
            JsonObject error = json(response).getJsonObject("error");
            assertThat(error.getString("param")).isEqualTo(name);
            assertThat(error.getString("message")).contains(name).contains(anthropic);
        }
    }

    @Test
    void should_return_the_providers_log_probabilities_for_an_openai_wire_model() {
        String marker = unique("logprobs");
        ChatCompletion completion = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(agent)
                        .addUserMessage("Say it " + marker)
                        .logprobs(true)
                        .topLogprobs(1)
                        .build());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).contains("Plain answer");
        assertThat(completion
                        .choices()
                        .get(0)
                        .logprobs()
                        .orElseThrow()
                        .content()
                        .orElseThrow())
                .first()
                .satisfies(token -> {
                    assertThat(token.token()).isEqualTo("Plain");
                    assertThat(token.logprob()).isEqualTo(-0.25);
                    assertThat(token.topLogprobs()).hasSize(1);
                });
        JsonObject sent = upstream.lastRequestWith(marker);
        assertThat(sent.getBoolean("logprobs")).isTrue();
        assertThat(sent.getInt("top_logprobs")).isEqualTo(1);
    }

    @Test
    void should_pass_reasoning_content_through_whole_and_streamed() {
        HttpResponse<String> whole =
                post("{\"model\":\"" + reasoner + "\",\"messages\":[{\"role\":\"user\"," + "\"content\":\"Hi\"}]}");
        HttpResponse<String> streamed = post("{\"model\":\"" + reasoner + "\",\"stream\":true,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Hi\"}]}");

        JsonObject message =
                json(whole).getJsonArray("choices").getJsonObject(0).getJsonObject("message");
        assertThat(message.getString("reasoning_content")).isEqualTo(AgentUpstream.REASONING);
        assertThat(message.getString("content")).isEqualTo("Plain answer");
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        for (String line : streamed.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonObject chunk = GatewayAdmin.parse(line.substring(6));
                if (!chunk.getJsonArray("choices").isEmpty()) {
                    JsonObject delta =
                            chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
                    reasoning.append(delta.getString("reasoning_content", ""));
                    content.append(delta.getString("content", ""));
                }
            }
        }
        assertThat(reasoning).hasToString(AgentUpstream.REASONING);
        assertThat(content).hasToString("Plain answer");
    }

    @Test
    void should_keep_the_providers_context_length_exceeded_code_with_a_clean_message() {
        HttpResponse<String> response =
                post("{\"model\":\"" + overflow + "\",\"messages\":[{\"role\":\"user\"," + "\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = json(response).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("context_length_exceeded");
        assertThat(error.getString("param")).isEqualTo("messages");
        assertThat(error.getString("type")).isEqualTo("invalid_request_error");
        assertThat(error.getString("message"))
                .contains("maximum context length is 8192 tokens")
                .doesNotContain("{")
                .doesNotContain("\"code\"");
    }

    @Test
    void should_end_a_stream_cut_off_without_its_terminator_with_an_error_chunk_not_a_stop() {
        HttpResponse<String> response = post("{\"model\":\"" + cutOff + "\",\"stream\":true,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("[DONE]").doesNotContain("\"finish_reason\":\"stop\"");
        String last = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                last = line.substring(6);
            }
        }
        assertThat(GatewayAdmin.parse(last).getJsonObject("error").getString("type"))
                .isEqualTo("api_error");
    }

    private static HttpResponse<String> post(String body) {
        return AgentGateway.post("/chat/completions", key, body);
    }
}
