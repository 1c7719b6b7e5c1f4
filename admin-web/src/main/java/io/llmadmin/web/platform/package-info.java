/**
 * What must happen before the application serves: the schema migration that runs at start-up and the state it
 * reports to the readiness check. The container's resources are turned into CDI beans in {@code platform.internal}
 * (the database) and in {@code io.llmadmin.services.concurrency} (the managed executor).
 */
package io.llmadmin.web.platform;
