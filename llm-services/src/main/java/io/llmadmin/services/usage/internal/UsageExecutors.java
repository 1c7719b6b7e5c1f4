package io.llmadmin.services.usage.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The container's default managed scheduled executor, for the usage writer (Jakarta Concurrency, in Liberty). */
@ApplicationScoped
public class UsageExecutors {

    @Produces
    @UsageWriterExecutor
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduledExecutor;
}
