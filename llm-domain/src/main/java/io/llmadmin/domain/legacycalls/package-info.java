/**
 * Who still calls the deprecated legacy facade, kept for good: {@link io.llmadmin.domain.legacycalls.LegacyCallSite}
 * is one (legacy function, calling class) pair with its total calls over every instance and restart, and when it was
 * first and last seen. The migration page reads it to tell when no one calls the facade any more.
 */
package io.llmadmin.domain.legacycalls;
