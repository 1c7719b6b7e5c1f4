package io.llmadmin.web.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The OpenAI-compatible API under {@code /openai/v1}, so an OpenAI SDK with this base URL and a gateway key works
 * unchanged. web.xml leaves the path to the application: each resource checks the bearer token itself.
 */
@ApplicationPath("/openai/v1")
public class OpenAiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                GatewayModelsResource.class,
                ChatCompletionsResource.class,
                ResponsesResource.class,
                EmbeddingsResource.class,
                MediaResource.class,
                GatewayCors.class,
                GatewayRequestIds.class,
                OpenAiErrorMappers.Gateway.class,
                OpenAiErrorMappers.Llm.class,
                OpenAiErrorMappers.WebApplication.class,
                OpenAiErrorMappers.Unexpected.class);
    }
}
