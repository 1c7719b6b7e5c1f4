package io.llmadmin.web.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The console's playground calls under {@code /console/api}: inside the console's path so the signed-in console
 * session authenticates them (the admin API takes HTTP Basic only, which a console page does not have), answered in
 * the gateway's own OpenAI shapes because they are the gateway's calls.
 */
@ApplicationPath("/console/api")
public class PlaygroundApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                PlaygroundResource.class,
                OpenAiErrorMappers.Gateway.class,
                OpenAiErrorMappers.Llm.class,
                OpenAiErrorMappers.WebApplication.class,
                OpenAiErrorMappers.Unexpected.class);
    }
}
