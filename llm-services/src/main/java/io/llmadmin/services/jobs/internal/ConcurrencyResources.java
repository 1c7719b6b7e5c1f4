package io.llmadmin.services.jobs.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Hands the container's default managed executor to CDI, for the jobs. */
@ApplicationScoped
public class ConcurrencyResources {

    @Produces
    @JobExecutor
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;
}
