package io.llmadmin.migration.scanner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line: {@code LegacyImportScanCommand <python-source-root>} prints every module that still imports the legacy
 * {@code models} module, the import lines and the names it uses, and a last line with the count. Exit status 0 when
 * none is left, 1 when some are, 2 on bad usage.
 */
public final class LegacyImportScanCommand {

    private LegacyImportScanCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: LegacyImportScanCommand <python-source-root>");
            return 2;
        }
        Path root = Path.of(args[0]);
        List<LegacyImport> importers;
        try {
            importers = new LegacyImportScanner().scan(root);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        for (LegacyImport importer : importers) {
            out.println(importer.module() + ": " + String.join(", ", importer.namesUsed()));
            importer.importLines().forEach(line -> out.println("    " + line));
        }
        out.println(
                importers.isEmpty()
                        ? "No module imports models any more: the Python side no longer needs models.py."
                        : importers.size() + " module(s) still import models.");
        return importers.isEmpty() ? 0 : 1;
    }
}
