package io.llmadmin.services.concurrency;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one producer of managed concurrency: the container's default managed scheduled executor (Jakarta Concurrency),
 * as a CDI bean. Its threads carry the application's context, so JTA, JPA and CDI work there as on a request thread.
 * One executor serves every need (LLM call retries, fallbacks and stream callbacks; chat jobs; the usage writer; the
 * legacy call flusher; admin tasks such as a background import): in Liberty the default managed executors all run on
 * the server's one thread pool, so separate producers would only have been separate names.
 */
@ApplicationScoped
public class ManagedExecutors {

    @Produces
    @ContainerExecutor
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService executor;
}
