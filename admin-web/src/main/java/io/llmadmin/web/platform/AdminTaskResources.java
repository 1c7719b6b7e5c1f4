package io.llmadmin.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Hands the container's default managed executor to CDI for admin tasks: its threads carry the application's context,
 * so JTA, JPA and CDI work there as on a request thread.
 */
@ApplicationScoped
public class AdminTaskResources {

    @Produces
    @AdminTasks
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;
}
