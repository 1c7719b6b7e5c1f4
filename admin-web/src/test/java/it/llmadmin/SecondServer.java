package it.llmadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A second Liberty for the ITs that need two instances, or a server they may {@code kill -9}: a server of its own
 * ({@code llmadmin-it-second}) in this build's Liberty installation, the one the build made for the IT server
 * ({@code target/liberty/wlp}), with the IT server's configuration (server.xml, its JDBC drivers, and its
 * bootstrap.properties: the application, the admin password, Redis and the catalog channel, so both instances share
 * Redis as two instances of one deployment do) except:
 *
 * <ul>
 *   <li>its own ports: the IT server's HTTP port + 1 (HTTP) and + 2 (HTTPS, with the self-signed keystore Liberty
 *       generates on its first start);
 *   <li>its own data directory ({@code target/it-data-second}) and, as {@link #shared()} starts it, its own database:
 *       in the default run the embedded H2 at server.xml's own default URL (no {@code DB_URL} is set, so what is
 *       tested is what ships); with {@code -Dit.db=postgresql} a PostgreSQL database and role of its own
 *       ({@code llmadmin_it_<its HTTP port>}), made afresh as {@link ItDatabase} makes the IT server's. As
 *       {@link #sharingTheItServersDatabase()} starts it, the IT server's database instead (H2 through the IT URL's
 *       {@code AUTO_SERVER} mode, or the same PostgreSQL database) and the IT server's master key file, as two
 *       instances of one deployment run;
 *   <li>{@code METRICS_AUTHENTICATION=true} with {@link #METRICS_USER} / {@link #METRICS_PASSWORD}, as an operator
 *       would run it in production (only {@code /metrics} is affected);
 *   <li>as {@link #withoutRedis()} starts it, no Redis at all (none of the IT server's {@code *REDIS*} properties), on
 *       its own database: what runs in process when an operator sets no {@code REDIS_URL} (the rate limiter,
 *       sign-in counts, budgets, the catalog's notices).
 * </ul>
 *
 * <p>Every start costs about a minute of two busy cores, so the ITs share one instance: {@link #shared()} starts it on
 * first use and stops it when the test JVM exits. It starts from an empty database once per test run; {@link #kill()}
 * and {@link #start()} keep its data (that is what the durability IT checks). An IT that kills it should start it again
 * before it ends; if one does not, the next {@link #shared()} does. Asking for another configuration (the other
 * database, or no Redis) restarts it (its own database keeps its data meanwhile); {@link LastClassOrderer} runs the
 * ITs without Redis after those with it, and the ITs that share the IT server's database after both, so a run switches
 * twice at most.
 */
public final class SecondServer {

    private static final Logger LOG = Logger.getLogger(SecondServer.class.getName());

    /** The one user who may read the second server's {@code /metrics} (over HTTPS). */
    public static final String METRICS_USER = "metrics";

    /** That user's password: a test value, used nowhere else. */
    public static final String METRICS_PASSWORD = "it-metrics-password-not-secret";

    private static final String NAME = "llmadmin-it-second";
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    /** What a new server directory takes from the IT server's: configuration and drivers, not its state. */
    private static final List<String> NOT_COPIED =
            List.of("logs", "workarea", "resources", "tranlog", "bootstrap.properties");

    private static SecondServer shared;

    /** Which database the second server runs on. */
    public enum Database {
        /** A database of its own (server.xml's default H2 URL, or a PostgreSQL database of its own). */
        OWN,
        /** The IT server's database, and its master key file. */
        THE_IT_SERVERS
    }

    private final Path itServerDir;
    private final Path serverDir;
    private final Path dataDir;
    private final int httpPort;
    private final int httpsPort;
    private final Properties itServerBootstrap;
    private Database database = Database.OWN;
    private boolean withRedis = true;
    private boolean ownDatabaseMade;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private boolean prepared;

    private SecondServer() {
        Path itLogs = Path.of(System.getProperty("it.server.logs", "target/liberty/wlp/usr/servers/llmadmin-it/logs"))
                .toAbsolutePath();
        this.itServerDir = itLogs.getParent();
        this.serverDir = itServerDir.resolveSibling(NAME);
        this.dataDir = Path.of(System.getProperty("it.data.dir", "target/it-data") + "-second")
                .toAbsolutePath();
        int itHttpPort = ServerUnderTest.uri("/").getPort();
        this.httpPort = itHttpPort + 1;
        this.httpsPort = itHttpPort + 2;
        this.itServerBootstrap = itServerBootstrap();
    }

    /**
     * The ITs' one second server on a database of its own, running (started on first use, again if an IT left it
     * killed, or restarted if it ran on the IT server's database).
     */
    public static synchronized SecondServer shared() {
        return shared(Database.OWN, true);
    }

    /**
     * The ITs' one second server on the IT server's database (and Redis, as always), running: restarted if it ran on
     * a database of its own.
     */
    public static synchronized SecondServer sharingTheItServersDatabase() {
        return shared(Database.THE_IT_SERVERS, true);
    }

    /**
     * The ITs' one second server on a database of its own and without Redis, running: restarted if it ran with Redis
     * or on the IT server's database. An IT that asks for it should be known to {@link LastClassOrderer}, which runs it
     * after the ITs that need Redis.
     */
    public static synchronized SecondServer withoutRedis() {
        return shared(Database.OWN, false);
    }

    /**
     * The ITs' second server as the earlier ITs left it, for reading its logs and its own database's files: started
     * (on a database of its own) only if no IT started it, never restarted on another database.
     */
    public static synchronized SecondServer asLeft() {
        return shared != null ? shared : shared();
    }

    private static SecondServer shared(Database database, boolean withRedis) {
        if (shared == null) {
            shared = new SecondServer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop " + NAME));
        }
        if (shared.database != database || shared.withRedis != withRedis) {
            if (shared.running()) {
                LOG.info(() -> "Restarting " + NAME + " on database " + database + (withRedis ? "" : " without Redis"));
                shared.stop();
            }
            shared.database = database;
            shared.withRedis = withRedis;
        }
        if (!shared.running()) {
            shared.start();
        }
        return shared;
    }

    /**
     * Starts the server and waits until the application reports ready. The first start of a test run begins from a
     * new server directory and an empty database; later ones (after {@link #kill()} or {@link #stop()}) keep both.
     */
    public synchronized void start() {
        if (running()) {
            throw new IllegalStateException(NAME + " is already running");
        }
        try {
            if (!prepared) {
                prepare();
                prepared = true;
            }
            Map<String, String> bootstrap = bootstrapProperties();
            Files.writeString(
                    serverDir.resolve("bootstrap.properties"),
                    bootstrap.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining(
                                    "\n", "# The ITs' second server (it.llmadmin.SecondServer)\n", "\n")),
                    StandardCharsets.UTF_8);
            if (database == Database.OWN && databaseKind().equals("postgresql") && !ownDatabaseMade) {
                try {
                    ItDatabase.recreate(
                            bootstrap.get("DB_URL"), bootstrap.get("DB_USER"), bootstrap.get("DB_PASSWORD"));
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not make the second server's PostgreSQL database", e);
                }
                ownDatabaseMade = true;
            }
            LOG.info(() -> "Starting " + NAME + " on ports " + httpPort + "/" + httpsPort);
            ProcessBuilder builder = new ProcessBuilder(
                            itServerDir
                                    .resolve("../../../bin/server")
                                    .normalize()
                                    .toString(),
                            "run",
                            NAME)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            serverDir.resolve("run.log").toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            if (!withRedis) {
                // Liberty's configuration reads the environment too: no Redis may come in that way either.
                builder.environment().keySet().removeIf(SecondServer::namesRedis);
            }
            if (database == Database.THE_IT_SERVERS) {
                // One deployment, one master key: the IT server's generated key file, so stored secrets read alike.
                builder.environment()
                        .put(
                                "LLMADMIN_MASTER_KEY_FILE",
                                Path.of(itServerBootstrap.getProperty("LLMADMIN_DATA_DIR"), "master.key")
                                        .toString());
            }
            // `server run` execs the JVM: this process is the server itself, so kill() really is a kill -9 of Liberty.
            process = builder.start();
            Files.writeString(serverDir.resolve("run.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no close; returns once the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        LOG.info(() -> NAME + " killed with SIGKILL");
    }

    /** Stops the server as an operator would (SIGTERM: Liberty's orderly shutdown), or kills it after a minute. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + httpPort + pathAndQuery);
    }

    public URI httpsUri(String pathAndQuery) {
        return URI.create("https://localhost:" + httpsPort + pathAndQuery);
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** Sends a request (to this server's {@link #uri}), checking the answer for the ITs' secrets as every IT does. */
    public HttpResponse<String> send(HttpRequest request) {
        return ServerUnderTest.send(request);
    }

    /** Its Liberty logs (messages.log, FFDC). */
    public Path logs() {
        return serverDir.resolve("logs");
    }

    /** Its data directory (the H2 files in the default run, and the vault's master key file). */
    public Path dataDir() {
        return dataDir;
    }

    /** Its master key file (the vault's key, generated on its first start, as the IT server's). */
    public Path masterKeyFile() {
        return dataDir.resolve("master.key");
    }

    /** Its JDBC URL, user and password on PostgreSQL (its own database); empty on H2 (server.xml's default URL). */
    public Optional<List<String>> postgresqlConnection() {
        return databaseKind().equals("postgresql") ? Optional.of(ownPostgresqlDatabase()) : Optional.empty();
    }

    /** URL, user and password of its own PostgreSQL database (and role), named after its HTTP port. */
    private List<String> ownPostgresqlDatabase() {
        String database = "llmadmin_it_" + httpPort;
        return List.of(
                "jdbc:postgresql://127.0.0.1:5432/" + database, database, itServerBootstrap.getProperty("DB_PASSWORD"));
    }

    /** {@code h2} or {@code postgresql}, as the IT server's. */
    public String databaseKind() {
        return itServerBootstrap.getProperty("DB_KIND", "h2");
    }

    /** A new server directory from the IT server's configuration, and an empty data directory. */
    private void prepare() throws IOException {
        killLeftOverOfAnEarlierRun();
        deleteTree(serverDir);
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        try (Stream<Path> files = Files.walk(itServerDir)) {
            for (Path source : files.toList()) {
                Path relative = itServerDir.relativize(source);
                if (relative.getNameCount() > 0
                        && NOT_COPIED.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = serverDir.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private Properties itServerBootstrap() {
        Properties itServer = new Properties();
        try (var in = Files.newBufferedReader(itServerDir.resolve("bootstrap.properties"), StandardCharsets.UTF_8)) {
            itServer.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The IT server's bootstrap.properties cannot be read", e);
        }
        return itServer;
    }

    /**
     * The IT server's bootstrap properties with this server's ports, data, metrics settings, database (on the IT
     * server's database, its {@code DB_*} properties as they are) and Redis (or none).
     */
    private Map<String, String> bootstrapProperties() {
        Properties itServer = itServerBootstrap;
        Map<String, String> properties = new TreeMap<>();
        itServer.stringPropertyNames().forEach(name -> properties.put(name, itServer.getProperty(name)));
        properties.put("http.port", Integer.toString(httpPort));
        properties.put("https.port", Integer.toString(httpsPort));
        properties.put("LLMADMIN_DATA_DIR", dataDir.toString());
        properties.put("METRICS_AUTHENTICATION", "true");
        properties.put("METRICS_USER", METRICS_USER);
        properties.put("METRICS_PASSWORD", METRICS_PASSWORD);
        // Liberty renames messages.log at each start and keeps 2 files by default: a run starts this server up to four
        // times (first start, the crash test's restart, without Redis, on the IT server's database), and
        // NoSecretLeftIT must read every start's log.
        properties.put("com.ibm.ws.logging.max.files", "10");
        if (!withRedis) {
            properties.keySet().removeIf(SecondServer::namesRedis);
        }
        if (database == Database.THE_IT_SERVERS) {
            return properties;
        }
        properties.remove("DB_URL");
        properties.remove("DB_USER");
        properties.remove("DB_PASSWORD");
        if ("postgresql".equals(properties.get("DB_KIND"))) {
            List<String> own = ownPostgresqlDatabase();
            properties.put("DB_URL", own.get(0));
            properties.put("DB_USER", own.get(1));
            properties.put("DB_PASSWORD", own.get(2));
        }
        // In the default run no DB_URL is set: the H2 URL is server.xml's default, durability settings included.
        return properties;
    }

    /** {@code REDIS_URL} and the settings that only mean something with it (channels, key prefixes). */
    private static boolean namesRedis(String property) {
        return property.contains("REDIS");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(NAME + " exited with " + process.exitValue() + " while starting; see "
                        + serverDir.resolve("run.log"));
            }
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(uri("/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    LOG.info(() -> NAME + " is ready");
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(NAME + " did not become ready within " + READY_WITHIN);
    }

    private boolean awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A second server a killed test JVM of an earlier run left behind would hold the ports: it is ours to end. */
    private void killLeftOverOfAnEarlierRun() throws IOException {
        Path pidFile = serverDir.resolve("run.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(left -> left.info().arguments().stream()
                        .flatMap(Stream::of)
                        .anyMatch(argument -> argument.contains(NAME)))
                .ifPresent(left -> {
                    LOG.warning(() -> "Killing " + NAME + " left running by an earlier run (pid " + left.pid() + ")");
                    left.destroyForcibly();
                    left.onExit().join();
                });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
