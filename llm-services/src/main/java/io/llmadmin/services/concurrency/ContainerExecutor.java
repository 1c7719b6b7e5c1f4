package io.llmadmin.services.concurrency;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The container's managed scheduled executor, as produced by {@link ManagedExecutors}. Inject it as whichever of its
 * types the work needs ({@code Executor}, {@code ScheduledExecutorService}, {@code ManagedExecutorService}, ...).
 * Qualified so that it never clashes with an executor bean the server or a library might bring.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface ContainerExecutor {}
