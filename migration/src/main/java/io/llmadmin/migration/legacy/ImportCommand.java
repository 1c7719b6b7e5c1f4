package io.llmadmin.migration.legacy;

import io.llmadmin.migration.legacy.internal.CommandLineImportStore;
import io.llmadmin.migration.legacy.internal.DriverManagerDataSource;
import io.llmadmin.migration.schema.SchemaMigrator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;

/**
 * The legacy import from the command line: reads one source, brings the llm-admin database's schema up to date, then
 * imports in one transaction and prints the report (text, or JSON with {@code --json}). Passwords come only from
 * environment variables named on the command line, never from arguments. There is no vault here: a row that carries
 * an API key is rejected (import it through the admin API), unless {@code --drop-secrets}.
 *
 * <pre>
 * ./mvnw -q -pl migration -am compile -Plegacy-import -Dexec.args="--from-fixture llm.json --target-url jdbc:h2:./data/llmadmin --dry-run"
 * </pre>
 *
 * Exit status: 0 when the run committed or the dry run planned (rejected rows, if any, are in the report), 1 when it
 * failed, 2 for a usage error, 3 when strict mode refused it. The report is the tool's output, so it goes to the
 * process's standard output (through {@link FileDescriptor#out}, not {@code System.out}, which the server code never
 * uses); nothing it prints holds a key.
 */
public final class ImportCommand {

    static final String USAGE = """
            Usage: ImportCommand SOURCE TARGET [OPTIONS]
            SOURCE (exactly one):
              --from-django-db JDBC_URL    a live Django database (read only); its host must be loopback or
                                           listed in LLMADMIN_IMPORT_DATABASE_HOSTS (comma-separated)
                  --django-user USER          (default: none)
                  --django-password-env VAR   environment variable holding the password
                  --django-table TABLE        ModelConfiguration table (default llm_modelconfiguration)
                  --django-metadata-table T   catalog-metadata table (default llm_model; 'none' to skip)
              --from-fixture FILE.json     a manage.py dumpdata fixture
                  --fixture-model LABEL       ModelConfiguration label (default llm.modelconfiguration)
                  --fixture-metadata-model L  catalog-metadata label (default llm.model)
              --from-settings FILE.json    the legacy agent's settings (tmp/settings.json)
            TARGET:
              --target-url JDBC_URL        the llm-admin database (e.g. jdbc:h2:./data/llmadmin)
              --target-user USER           (default: sa for H2, none otherwise)
              --target-password-env VAR    environment variable holding the password
            OPTIONS:
              --dry-run       print the plan; write nothing
              --strict        any rejected row fails the whole run
              --drop-secrets  import rows carrying an API key without the key (default: reject them)
              --json          print the report as JSON
              --list-limit N  list at most N rows one by one (default 10000)
              --batch-size N  rows per flush (default 500)
            """;

    /** The server's variable: the database hosts an import may reach besides loopback. */
    static final String DATABASE_HOSTS_VARIABLE = "LLMADMIN_IMPORT_DATABASE_HOSTS";

    private final UnaryOperator<String> environment;
    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Held so that the level stays set: Liquibase's progress is noise on a command line. */
    private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

    public static void main(String[] args) {
        LIQUIBASE.setLevel(Level.WARNING);
        // Liquibase prints its update summary on standard output, which is the report's here: send it to the log.
        if (System.getProperty("liquibase.command.showSummaryOutput") == null) {
            System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = new ImportCommand(System::getenv, out, err).run(args);
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; the exit status. */
    int run(String... args) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.containsKey("--help")) {
            out.print(USAGE);
            return 0;
        }
        LegacySource source;
        DriverManagerDataSource target;
        try {
            source = source(options);
            target = target(options);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        ImportOptions importOptions = ImportOptions.defaults()
                .withDryRun(options.containsKey("--dry-run"))
                .withStrict(options.containsKey("--strict"))
                .withDropSecrets(options.containsKey("--drop-secrets"))
                .withListLimit(number(options, "--list-limit", ImportOptions.DEFAULT_LIST_LIMIT))
                .withBatchSize(number(options, "--batch-size", ImportOptions.DEFAULT_BATCH_SIZE));
        ImportReport report;
        try {
            migrate(target);
            report = importInto(target, source, importOptions);
        } catch (RuntimeException e) {
            err.println("error: the import could not run: " + e.getMessage());
            return 1;
        }
        out.print(options.containsKey("--json") ? report.toJson() + "\n" : report.toText());
        return switch (report.status()) {
            case COMMITTED, DRY_RUN -> 0;
            case REJECTED -> 3;
            default -> 1;
        };
    }

    /** Applies the changelogs with Liquibase's console messages sent to the log, so standard output is the report. */
    private static void migrate(DriverManagerDataSource target) {
        try {
            Scope.child(
                    Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> new SchemaMigrator(target).migrate());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static ImportReport importInto(DriverManagerDataSource target, LegacySource source, ImportOptions options) {
        try (CommandLineImportStore store = CommandLineImportStore.open(target, options.batchSize())) {
            return new LegacyImporter(store).run(source, options);
        }
    }

    private LegacySource source(Map<String, String> options) {
        List<String> given = List.of("--from-django-db", "--from-fixture", "--from-settings").stream()
                .filter(options::containsKey)
                .toList();
        if (given.size() != 1) {
            throw new IllegalArgumentException(
                    "give exactly one source: --from-django-db, --from-fixture or --from-settings");
        }
        return switch (given.get(0)) {
            case "--from-django-db" -> {
                String metadata = options.getOrDefault("--django-metadata-table", DjangoTables.DEFAULT_METADATA_TABLE);
                DjangoTables tables = new DjangoTables(
                        options.getOrDefault("--django-table", DjangoTables.DEFAULT_CONFIGURATION_TABLE),
                        metadata.equalsIgnoreCase("none") ? null : metadata);
                String url = options.get("--from-django-db");
                // The same allow-list as the server's endpoint, so a script cannot reach further than an admin can.
                DatabaseHosts.loopbackAnd(environment.apply(DATABASE_HOSTS_VARIABLE))
                        .requireAllowed(url);
                yield LegacySource.djangoDatabase(
                        url, options.get("--django-user"), password(options, "--django-password-env"), tables);
            }
            case "--from-fixture" ->
                LegacySource.fixture(
                        existing(options.get("--from-fixture")),
                        new FixtureModels(
                                options.getOrDefault("--fixture-model", FixtureModels.DEFAULT_CONFIGURATION_MODEL),
                                options.getOrDefault(
                                        "--fixture-metadata-model", FixtureModels.DEFAULT_METADATA_MODEL)));
            default -> LegacySource.agentSettings(existing(options.get("--from-settings")));
        };
    }

    private DriverManagerDataSource target(Map<String, String> options) {
        String url = options.get("--target-url");
        if (url == null) {
            throw new IllegalArgumentException("--target-url is required (the llm-admin database)");
        }
        String user = options.getOrDefault("--target-user", url.startsWith("jdbc:h2:") ? "sa" : null);
        String password = password(options, "--target-password-env");
        return new DriverManagerDataSource(url, user, password);
    }

    private String password(Map<String, String> options, String option) {
        String variable = options.get(option);
        if (variable == null) {
            return "";
        }
        String value = environment.apply(variable);
        if (value == null) {
            throw new IllegalArgumentException(option + ": environment variable " + variable + " is not set");
        }
        return value;
    }

    private static Path existing(String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        return path;
    }

    private static int number(Map<String, String> options, String option, int fallback) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number");
        }
    }

    private static final List<String> FLAGS = List.of("--dry-run", "--strict", "--drop-secrets", "--json", "--help");
    private static final List<String> VALUED = List.of(
            "--from-django-db",
            "--django-user",
            "--django-password-env",
            "--django-table",
            "--django-metadata-table",
            "--from-fixture",
            "--fixture-model",
            "--fixture-metadata-model",
            "--from-settings",
            "--target-url",
            "--target-user",
            "--target-password-env",
            "--list-limit",
            "--batch-size");

    static Map<String, String> parse(String... args) {
        Deque<String> queue = new ArrayDeque<>(List.of(args));
        Map<String, String> options = new HashMap<>();
        while (!queue.isEmpty()) {
            String arg = queue.removeFirst();
            if (arg.equals("--django-password") || arg.equals("--target-password")) {
                throw new IllegalArgumentException(
                        arg + " is not accepted: pass the name of an environment variable with " + arg + "-env");
            }
            if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (VALUED.contains(arg)) {
                if (queue.isEmpty()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, queue.removeFirst());
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return options;
    }
}
