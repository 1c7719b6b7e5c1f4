/**
 * The eight Python modules that imported {@code models.py}, each as a test that calls the facade exactly the way that
 * module used the old module. They live outside {@code io.llmadmin.legacy} on purpose: they are callers, and the call
 * counts name them.
 */
package io.llmadmin.ported;
