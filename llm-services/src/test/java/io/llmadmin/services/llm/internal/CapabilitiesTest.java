package io.llmadmin.services.llm.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.errors.LlmNotFoundException;
import io.llmadmin.services.errors.LlmUnavailableException;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.ChatCall;
import io.llmadmin.services.llm.ChatMessage;
import io.llmadmin.services.llm.ChatResult;
import io.llmadmin.services.llm.Embeddings;
import io.llmadmin.services.llm.GeneratedImages;
import io.llmadmin.services.llm.ImageCall;
import io.llmadmin.services.llm.SpeechAudio;
import io.llmadmin.services.llm.SpeechCall;
import io.llmadmin.services.llm.TokenUsage;
import io.llmadmin.services.llm.ToolCall;
import io.llmadmin.services.llm.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tool calls, JSON output, vision input, embeddings, images and speech, against local servers. */
class CapabilitiesTest {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<CallRecord> records = TestSupport.records();
    private final TestSupport.Models models = new TestSupport.Models();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LangChain4jChatService service() {
        return new LangChain4jChatService(
                new LangChain4jChatService.Settings(
                        Duration.ofSeconds(10),
                        RetryPolicy.of(0, Duration.ofMillis(10), Duration.ofSeconds(1)),
                        server.baseUrl() + "/inference"),
                models,
                TestSupport.vault(),
                new TestSupport.RecordingGuard(),
                records::add,
                Clock.systemUTC());
    }

    /** The model declares tools and JSON output, as calls that use them need. */
    private static ModelConfiguration withToolsAndJson(ModelConfiguration model) {
        model.declareCapabilities(new io.llmadmin.domain.model.ModelCapabilities(true, false, true, true, false));
        return model;
    }

    @Test
    void should_offer_tools_and_return_the_models_tool_calls() {
        // given
        models.add(withToolsAndJson(ProviderWire.OPENAI.model("m1", server.baseUrl())));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o",
                                 "choices":[{"index":0,"message":{"role":"assistant","content":null,
                                   "tool_calls":[{"id":"call_1","type":"function",
                                     "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                                   "finish_reason":"tool_calls"}],
                                 "usage":{"prompt_tokens":20,"completion_tokens":9,"total_tokens":29}}""")));
        ToolSpec weather = new ToolSpec(
                "get_weather",
                "The weather in a city",
                List.of(new ToolSpec.Parameter("city", ToolSpec.ParameterType.STRING, "the city", true)));

        // when
        ChatResult result = service()
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Weather in Paris?"))
                        .tool(weather)
                        .build());

        // then
        assertThat(result.toolCalls()).containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(result.finishReason()).contains("tool_calls");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("get_weather")))
                .withRequestBody(matchingJsonPath("$.tools[0].function.parameters.required[0]", equalTo("city"))));
    }

    @Test
    void should_send_the_tool_result_back_in_the_conversation() {
        models.add(withToolsAndJson(ProviderWire.OPENAI.model("m1", server.baseUrl())));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("It is sunny in Paris."))));
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");

        ChatResult result = service()
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Weather in Paris?"))
                        .message(ChatMessage.assistant("", List.of(call)))
                        .message(ChatMessage.toolResult("call_1", "get_weather", "sunny"))
                        .build());

        assertThat(result.response()).isEqualTo("It is sunny in Paris.");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[1].tool_calls[0].id", equalTo("call_1")))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("tool")))
                .withRequestBody(matchingJsonPath("$.messages[2].tool_call_id", equalTo("call_1"))));
    }

    @Test
    void should_ask_for_a_json_object_when_json_output_is_on() {
        models.add(withToolsAndJson(ProviderWire.OPENAI.model("m1", server.baseUrl())));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("{\"ok\":true}"))));

        ChatResult result = service()
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("Answer in JSON"))
                        .jsonOutput(true)
                        .temperature(0.2)
                        .maxTokens(50)
                        .build());

        assertThat(result.response()).isEqualTo("{\"ok\":true}");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.2")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("50"))));
    }

    @Test
    void should_send_images_to_a_vision_model() {
        ModelConfiguration vision = ProviderWire.OPENAI.model("m1", server.baseUrl());
        vision.routeTo(server.baseUrl() + "/v1", null, true);
        models.add(vision);
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("A cat."))));

        ChatResult result = service()
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("What is this?", List.of("https://example.org/cat.png")))
                        .build());

        assertThat(result.response()).isEqualTo("A cat.");
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath(
                        "$.messages[0].content[1].image_url.url", equalTo("https://example.org/cat.png"))));
    }

    @Test
    void should_refuse_an_unknown_model_by_its_id() {
        assertThatThrownBy(() -> service()
                        .chat(ChatCall.builder("nope")
                                .message(ChatMessage.user("hi"))
                                .build()))
                .isInstanceOf(LlmNotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void should_embed_texts_through_an_openai_compatible_server() {
        ModelConfiguration model =
                new ModelConfiguration("emb", ModelType.EMBEDDING, "other", "text-embedding-3-small", "Embeddings");
        model.routeTo(server.baseUrl() + "/v1", null, false);
        models.add(model);
        server.stubFor(post(urlPathEqualTo("/v1/embeddings"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"object":"list","model":"text-embedding-3-small",
                                 "data":[{"object":"embedding","index":0,"embedding":[0.1,0.2,0.3]},
                                         {"object":"embedding","index":1,"embedding":[0.4,0.5,0.6]}],
                                 "usage":{"prompt_tokens":4,"total_tokens":4}}""")));

        Embeddings embeddings = service().embed("emb", List.of("hello", "world"), "tester");

        assertThat(embeddings.dimensions()).isEqualTo(3);
        assertThat(embeddings.vectors()).hasSize(2);
        assertThat(embeddings.vectors().get(1)).containsExactly(0.4f, 0.5f, 0.6f);
        assertThat(embeddings.usage()).contains(new io.llmadmin.services.llm.TokenUsage(4, 0));
        server.verify(postRequestedFor(urlPathEqualTo("/v1/embeddings")).withRequestBody(containing("world")));
        assertThat(records)
                .singleElement()
                .satisfies(record -> assertThat(record.kind()).isEqualTo("embedding"));
    }

    @Test
    void should_embed_through_ollama() {
        ModelConfiguration model =
                new ModelConfiguration("emb", ModelType.EMBEDDING, "ollama", "nomic-embed-text", "Embeddings");
        model.routeTo(server.baseUrl(), null, false);
        models.add(model);
        server.stubFor(post(urlPathEqualTo("/api/embed"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.5,0.25]]}")));

        Embeddings embeddings = service().embed("emb", List.of("hello"), null);

        assertThat(embeddings.vectors().get(0)).containsExactly(0.5f, 0.25f);
    }

    @Test
    void should_refuse_to_embed_with_a_chat_model() {
        models.add(ProviderWire.OPENAI.model("m1", server.baseUrl()));

        assertThatThrownBy(() -> service().embed("m1", List.of("x"), null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("model"));
    }

    @Test
    void should_generate_images_through_the_inference_service() {
        models.add(new ModelConfiguration("sdxl", ModelType.IMAGE, "inference-service", "sdxl", "Stable Diffusion XL"));
        server.stubFor(
                post(urlPathEqualTo("/inference/images/generations"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"created\":1,\"data\":[{\"url\":\"http://images/1.png\"},{\"b64_json\":\"aGk=\"}]}")));

        GeneratedImages images = service().generateImage(new ImageCall("sdxl", "a red fox", "512x512", 2, null));

        assertThat(images.images())
                .containsExactly(
                        new GeneratedImages.Image("http://images/1.png", null, null),
                        new GeneratedImages.Image(null, "aGk=", null));
        server.verify(postRequestedFor(urlPathEqualTo("/inference/images/generations"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("sdxl")))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo("a red fox")))
                .withRequestBody(matchingJsonPath("$.n", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.size", equalTo("512x512"))));
    }

    @Test
    void should_map_an_inference_service_failure_onto_the_exception_family() {
        models.add(new ModelConfiguration("sdxl", ModelType.IMAGE, "inference-service", "sdxl", "SDXL"));
        server.stubFor(post(urlPathEqualTo("/inference/images/generations"))
                .willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"GPU busy\"}")));

        assertThatThrownBy(() -> service().generateImage(new ImageCall("sdxl", "a fox", null, 1, null)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("GPU busy");
    }

    @Test
    void should_speak_through_the_inference_service() {
        models.add(new ModelConfiguration("tts", ModelType.SPEECH, "inference-service", "kokoro", "Kokoro"));
        byte[] audio = {1, 2, 3, 4};
        server.stubFor(post(urlPathEqualTo("/inference/audio/speech"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/wav").withBody(audio)));

        SpeechAudio speech = service().speak(new SpeechCall("tts", "Hello there", "alloy", "wav", null));

        assertThat(speech.audio()).containsExactly(audio);
        assertThat(speech.contentType()).isEqualTo("audio/wav");
        server.verify(postRequestedFor(urlPathEqualTo("/inference/audio/speech"))
                .withRequestBody(matchingJsonPath("$.input", equalTo("Hello there")))
                .withRequestBody(matchingJsonPath("$.voice", equalTo("alloy")))
                .withRequestBody(matchingJsonPath("$.response_format", equalTo("wav"))));
    }

    @Test
    void should_send_a_speech_model_of_a_provider_to_its_own_api_base_never_to_the_inference_service() {
        ModelConfiguration openai = new ModelConfiguration("tts-openai", ModelType.SPEECH, "openai", "tts-1", "TTS");
        openai.routeTo(server.baseUrl() + "/openai", null, false);
        models.add(openai);
        models.add(new ModelConfiguration("tts-anthropic", ModelType.SPEECH, "anthropic", "voice", "Voice"));
        server.stubFor(post(urlPathEqualTo("/openai/audio/speech"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(new byte[] {9})));

        service().speak(new SpeechCall("tts-openai", "Hello", "alloy", "mp3", null));
        assertThatThrownBy(() -> service().speak(new SpeechCall("tts-anthropic", "Hello", "alloy", "mp3", null)))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("has no image or speech service");

        server.verify(1, postRequestedFor(urlPathEqualTo("/openai/audio/speech")));
        server.verify(0, postRequestedFor(urlPathEqualTo("/inference/audio/speech")));
    }

    @Test
    void should_refuse_bad_image_and_speech_parameters_by_name() {
        assertThatThrownBy(() -> new ImageCall("sdxl", "fox", "huge", 1, null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> new ImageCall("sdxl", "fox", null, 11, null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("n"));
        assertThatThrownBy(() -> new SpeechCall("tts", "hi", null, "midi", null))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("response_format"));
    }

    @Test
    void should_report_the_usage_of_a_json_answer() {
        models.add(ProviderWire.OPENAI.model("m1", server.baseUrl()));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("ok"))));

        service()
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("hello world"))
                        .build());

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.usage()).contains(new TokenUsage(5, 2));
            // 2 tokens of text, 4 of the message's framing, 3 priming the reply: what OpenAI counts
            assertThat(record.estimatedInputTokens()).isEqualTo(9);
        });
    }

    @Test
    void should_take_the_models_default_parameters_when_the_call_sets_none() {
        ModelConfiguration model = ProviderWire.OPENAI.model("m1", server.baseUrl());
        model.routeTo(server.baseUrl() + "/v1", "{\"temperature\": \"0.3\", \"max_tokens\": 64}", false);
        models.add(model);
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("ok"))));

        service().chat(ChatCall.builder("m1").message(ChatMessage.user("a")).build());
        service()
                .chat(ChatCall.builder("m1")
                        .message(ChatMessage.user("b"))
                        .temperature(0.9)
                        .build());

        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("a")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.3")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("64"))));
        server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("b")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.9"))));
    }

    @Test
    void should_refuse_a_default_parameter_out_of_range_by_its_name() {
        ModelConfiguration model = ProviderWire.OPENAI.model("m1", server.baseUrl());
        model.routeTo(server.baseUrl() + "/v1", "{\"temperature\": 5}", false);
        models.add(model);

        assertThatThrownBy(() -> service()
                        .chat(ChatCall.builder("m1")
                                .message(ChatMessage.user("a"))
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidLlmRequestException.class,
                        e -> assertThat(e.parameter()).isEqualTo("temperature"));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void should_call_a_configuration_held_in_memory_without_looking_it_up() {
        ModelConfiguration unsaved = ProviderWire.OPENAI.model("draft", server.baseUrl());
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderWire.OPENAI.answer("from the draft"))));

        ChatResult result = service()
                .chat(
                        unsaved,
                        ChatCall.builder("ignored")
                                .message(ChatMessage.user("hi"))
                                .build());

        assertThat(result.response()).isEqualTo("from the draft");
        assertThat(result.model()).isEqualTo("draft");
    }
}
