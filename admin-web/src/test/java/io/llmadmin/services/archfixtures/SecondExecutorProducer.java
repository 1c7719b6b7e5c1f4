package io.llmadmin.services.archfixtures;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Produces;

/** A fixture: a feature producing its own managed executor beside {@code ManagedExecutors}, which the rule refuses. */
public class SecondExecutorProducer {

    @Produces
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;
}
