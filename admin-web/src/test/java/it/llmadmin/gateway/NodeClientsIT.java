package it.llmadmin.gateway;

import static it.llmadmin.gateway.GatewayAdmin.unique;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.MissingService;
import it.llmadmin.SecretScan;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway as JavaScript users meet it: the official {@code openai} npm SDK, the OpenAI Agents SDK and LangChain.js
 * run as {@code node} scripts (in {@code src/test/node}, pinned by its package-lock, installed by {@code npm ci} in
 * {@code .ci/run}) against the running server, with the tool-playing provider stub behind it. Each script prints one
 * JSON object with what its client saw, and keeps a copy of every answer it received, which is checked for the suite's
 * secrets.
 */
class NodeClientsIT {

    private static final Path SCRIPTS = Path.of("src/test/node");

    private static AgentUpstream upstream;
    private static String agent;
    private static JsonObject key;

    @BeforeAll
    static void createModelAndKey() throws Exception {
        upstream = new AgentUpstream();
        agent = unique("it-node-agent");
        GatewayAdmin.createChatModel(agent, AgentUpstream.MODEL, upstream.apiBase());
        key = GatewayAdmin.issueKey(unique("it-node-key"), "[\"" + agent + "\"]", "{}");
    }

    @AfterAll
    static void cleanUp() {
        GatewayAdmin.revokeQuietly(key);
        if (agent != null) {
            GatewayAdmin.deleteModelQuietly(agent);
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void should_serve_the_openai_npm_sdk_a_tool_round_trip_a_streamed_tool_call_and_the_responses_api()
            throws Exception {
        JsonObject seen = runNode("openai-sdk.mjs");

        assertThat(seen.getString("firstFinish")).isEqualTo("tool_calls");
        assertThat(seen.getString("toolName")).isEqualTo("get_weather");
        assertThat(seen.getString("toolArguments")).isEqualTo(AgentUpstream.ARGUMENTS);
        assertThat(seen.getString("answer")).isEqualTo("The tool said: Sunny in Paris");
        assertThat(seen.getString("streamedName")).isEqualTo("get_weather");
        assertThat(seen.getString("streamedArguments")).isEqualTo(AgentUpstream.ARGUMENTS);
        assertThat(seen.getString("streamedFinish")).isEqualTo("tool_calls");
        assertThat(seen.getString("responsesText")).isEqualTo("Plain answer");
        // The provider streams the call's arguments in pieces: the Responses stream passes them on piece by piece.
        List<String> argumentDeltas =
                seen.getJsonArray("responsesArgumentDeltas").getValuesAs(JsonString::getString);
        assertThat(argumentDeltas).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", argumentDeltas)).isEqualTo(AgentUpstream.ARGUMENTS);
        assertThat(seen.getString("responsesArgumentsDone")).isEqualTo(AgentUpstream.ARGUMENTS);
        assertThat(seen.getString("responsesCallIdAdded"))
                .isNotBlank()
                .isEqualTo(seen.getString("responsesCallIdCompleted"));
        List<String> types = seen.getJsonArray("responsesEventTypes").getValuesAs(JsonString::getString);
        assertThat(types.indexOf("response.output_item.added"))
                .isLessThan(types.indexOf("response.function_call_arguments.delta"));
        assertThat(types.lastIndexOf("response.function_call_arguments.delta"))
                .isLessThan(types.indexOf("response.function_call_arguments.done"));
        assertThat(types.get(types.size() - 1)).isEqualTo("response.completed");
    }

    @Test
    void should_run_an_openai_agents_sdk_agent_whose_answer_uses_its_tools_result() throws Exception {
        JsonObject seen = runNode("agents.mjs");

        assertThat(seen.getJsonArray("toolCalls").getString(0)).isEqualTo("Paris");
        assertThat(seen.getString("finalOutput")).isEqualTo("The tool said: Sunny in Paris");
        assertThat(seen.getString("streamedFinalOutput")).isEqualTo("The tool said: Sunny in Paris");
    }

    @Test
    void should_serve_langchain_js_bind_tools_and_with_structured_output() throws Exception {
        JsonObject seen = runNode("langchain.mjs");

        JsonObject call = seen.getJsonArray("toolCalls").getJsonObject(0);
        assertThat(call.getString("name")).isEqualTo("get_weather");
        assertThat(call.getJsonObject("args").getString("city")).isEqualTo("Paris");
        assertThat(seen.getJsonObject("person").getString("name")).isEqualTo("Ada");
        assertThat(seen.getJsonObject("person").getInt("age")).isEqualTo(36);
    }

    /** Runs a script with the gateway's address, this IT's key and model; its stdout's last line, as JSON. */
    private static JsonObject runNode(String script) throws IOException, InterruptedException {
        return runNode(script, agent, key.getString("token"));
    }

    /** Runs a script with the gateway's address, a key and a model; its stdout's last line, as JSON. */
    static JsonObject runNode(String script, String model, String token) throws IOException, InterruptedException {
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules"))) {
            MissingService.skipOrFail("the Node clients are not installed (run npm ci in " + SCRIPTS + ")", null);
        }
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(SCRIPTS.toFile());
        builder.environment()
                .put("GATEWAY_BASE_URL", ServerUnderTest.uri("/openai/v1").toString());
        builder.environment().put("GATEWAY_KEY", token);
        builder.environment().put("MODEL", model);
        builder.environment().put("OPENAI_AGENTS_DISABLE_TRACING", "1");
        Path answers = Files.createTempFile("node-client", ".answers");
        builder.environment().put("ANSWERS_FILE", answers.toString());
        Path stderr = Files.createTempFile("node-client", ".err");
        builder.redirectError(stderr.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException noNode) {
            MissingService.skipOrFail("node is not installed", noNode);
            throw noNode;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        assertThat(ended).as(script + " ended in time").isTrue();
        assertThat(process.exitValue())
                .as(script + " failed:\n" + errors + "\n" + out)
                .isZero();
        // What the client received, as it received it, carries none of the suite's secrets (answers.mjs keeps a copy).
        String received = Files.readString(answers);
        Files.deleteIfExists(answers);
        assertThat(received).as(script + " recorded its answers").contains("x-request-id: ");
        SecretScan.checkAnswer("node " + script, received);
        String[] lines = out.strip().split("\n");
        return GatewayAdmin.parse(lines[lines.length - 1]);
    }
}
