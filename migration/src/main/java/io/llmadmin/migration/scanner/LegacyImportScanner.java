package io.llmadmin.migration.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Python modules of a source tree that import the legacy {@code models} module and the names they use.
 *
 * <p>It reads the source as text, line by line, the way a reviewer would grep it: {@code import models},
 * {@code import models as m}, {@code from models import A, B as C} (also parenthesised over several lines), and then
 * {@code models.name} / {@code m.name} attribute uses. Comments and string-only lines are not parsed away: a line
 * inside a docstring that looks like an import is reported, which errs on the side of keeping the facade.
 */
public final class LegacyImportScanner {

    /** The legacy module's name. */
    public static final String LEGACY_MODULE = "models";

    private static final Pattern IMPORT_MODULE = Pattern.compile(
            "^\\s*import\\s+([\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*)\\s*(#.*)?$");
    private static final Pattern FROM_IMPORT = Pattern.compile("^\\s*from\\s+models\\s+import\\s+(.+)$");
    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", "__pycache__", ".venv", "venv", "node_modules", ".tox", "site-packages");

    /** Every module under {@code root} that imports {@code models}, sorted by path. */
    public List<LegacyImport> scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Not a directory: " + root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".py"))
                    .filter(file -> isScanned(root.relativize(file)))
                    .sorted(Comparator.comparing(file -> root.relativize(file).toString()))
                    .map(file -> scanModule(root, file))
                    .flatMap(Stream::ofNullable)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root, e);
        }
    }

    /** Skips the legacy module itself and tool directories (virtual environments, caches, VCS). */
    private static boolean isScanned(Path relative) {
        if (relative.toString().equals(LEGACY_MODULE + ".py")) {
            return false;
        }
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private LegacyImport scanModule(Path root, Path file) {
        List<String> lines = readLines(file);
        List<String> importLines = new ArrayList<>();
        SortedSet<String> names = new TreeSet<>();
        Set<String> aliases = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher from = FROM_IMPORT.matcher(line);
            if (from.matches()) {
                StringBuilder imported = new StringBuilder(stripComment(from.group(1)));
                int start = i;
                if (imported.toString().contains("(")) {
                    while (!imported.toString().contains(")") && i + 1 < lines.size()) {
                        imported.append(' ').append(stripComment(lines.get(++i)));
                    }
                }
                importLines.add((start + 1) + ": " + line.strip());
                for (String part :
                        imported.toString().replaceAll("[()\\\\]", " ").split(",")) {
                    String name = part.strip().split("\\s+")[0];
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
                continue;
            }
            Matcher module = IMPORT_MODULE.matcher(line);
            if (module.matches()) {
                for (String part : module.group(1).split(",")) {
                    String[] words = part.strip().split("\\s+");
                    if (words[0].equals(LEGACY_MODULE)) {
                        aliases.add(words.length == 3 ? words[2] : LEGACY_MODULE);
                        importLines.add((i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        if (importLines.isEmpty()) {
            return null;
        }
        for (String alias : aliases) {
            Pattern use = Pattern.compile("\\b" + Pattern.quote(alias) + "\\.(\\w+)");
            for (String line : lines) {
                Matcher matcher = use.matcher(stripComment(line));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        String relative = root.relativize(file).toString().replace('\\', '/');
        return new LegacyImport(relative, List.copyOf(importLines), names);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
