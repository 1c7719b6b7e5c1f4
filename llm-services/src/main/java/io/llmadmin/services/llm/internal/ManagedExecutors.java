package io.llmadmin.services.llm.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Hands the container's default managed scheduled executor to CDI, so that work an LLM call does off the request
 * thread (a retry, a fallback, a stream's callbacks) keeps the application's context.
 */
@ApplicationScoped
public class ManagedExecutors {

    @Produces
    @CallExecutor
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;
}
