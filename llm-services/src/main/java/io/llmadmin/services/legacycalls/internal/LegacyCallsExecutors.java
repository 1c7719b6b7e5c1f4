package io.llmadmin.services.legacycalls.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The container's default managed scheduled executor, for the legacy call flusher (Jakarta Concurrency). */
@ApplicationScoped
public class LegacyCallsExecutors {

    @Produces
    @LegacyCallsExecutor
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;
}
