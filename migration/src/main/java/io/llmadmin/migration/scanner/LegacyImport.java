package io.llmadmin.migration.scanner;

import java.util.List;
import java.util.SortedSet;

/**
 * One Python module that still imports the legacy {@code models} module.
 *
 * @param module the module's path relative to the scanned root, with '/' separators ({@code python/helpers/memory.py})
 * @param importLines the import statements, as written, with their line numbers
 * @param namesUsed the legacy names it uses ({@code get_chat_model}, {@code ModelConfig}, ...), sorted
 */
public record LegacyImport(String module, List<String> importLines, SortedSet<String> namesUsed) {}
