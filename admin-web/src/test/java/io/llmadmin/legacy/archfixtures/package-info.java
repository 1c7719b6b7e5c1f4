/**
 * Fixtures for the legacy facade's deprecation rules: test classes in the facade's package, never in the facade
 * itself (they compile without legacy-compat, so the deletion check keeps them).
 */
package io.llmadmin.legacy.archfixtures;
