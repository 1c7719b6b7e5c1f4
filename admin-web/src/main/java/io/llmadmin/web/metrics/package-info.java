/**
 * What the application publishes at {@code /metrics} (MicroProfile Metrics) beyond Liberty's own: the calls into the
 * deprecated legacy facade, per legacy function and calling class.
 */
package io.llmadmin.web.metrics;
