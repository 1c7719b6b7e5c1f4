/**
 * Who still calls the deprecated legacy facade: the facade counts every call of a legacy function per calling class
 * here, and the console and the metrics read {@link io.llmadmin.services.legacycalls.LegacyCallCounts#snapshot()}. It
 * lives in llm-services, not in legacy-compat, so that its readers never depend on the facade: when legacy-compat is
 * deleted, the counts simply stay empty.
 */
package io.llmadmin.services.legacycalls;
