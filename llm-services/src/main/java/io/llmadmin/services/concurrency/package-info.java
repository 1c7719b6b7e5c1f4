/**
 * Managed concurrency for every module: {@link io.llmadmin.services.concurrency.ManagedExecutors} hands the
 * container's executor to CDI once, qualified {@link io.llmadmin.services.concurrency.ContainerExecutor}; every class
 * that runs work off the request thread takes it by constructor injection. Outside the container (tests, the command
 * line) callers pass an executor of their own.
 */
package io.llmadmin.services.concurrency;
