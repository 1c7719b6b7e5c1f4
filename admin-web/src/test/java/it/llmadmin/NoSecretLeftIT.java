package it.llmadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The suite's last word on secrets, run after every other IT class ({@link LastClassOrderer}): the secrets the ITs
 * gave the server ({@link ItSecrets}) are in none of its log files (messages, traces, FFDC reports) and in no row of
 * its database — a full dump over JDBC on PostgreSQL, the embedded H2's files byte for byte (the running server holds
 * them open) — and the same for the ITs' second server ({@link SecondServer}). Every answer was already checked as it
 * arrived ({@link ServerUnderTest#send}).
 */
class NoSecretLeftIT {

    private static final Path LOGS =
            Path.of(System.getProperty("it.server.logs", "target/liberty/wlp/usr/servers/llmadmin-it/logs"));
    private static final Path DATA = Path.of(System.getProperty("it.data.dir", "target/it-data"));

    @Test
    void should_find_no_secret_in_any_log_file_of_the_server() {
        assertThat(LOGS.resolve("messages.log")).exists();

        List<String> findings = SecretScan.scanFiles(LOGS, file -> false, ItSecrets.forLogsAndDatabase());

        assertThat(findings).isEmpty();
    }

    @Test
    void should_find_no_secret_in_the_database() throws SQLException {
        String kind = System.getProperty("it.db.kind", "h2");

        List<String> findings;
        if (kind.equals("postgresql")) {
            try (Connection connection = DriverManager.getConnection(
                    System.getProperty("it.db.url"),
                    System.getProperty("it.db.user"),
                    System.getProperty("it.db.password"))) {
                findings = SecretScan.scanDatabase(connection, ItSecrets.forLogsAndDatabase());
            }
        } else {
            assertThat(DATA.resolve("llmadmin.mv.db")).exists();
            // The key file is where the master key belongs; everything else in the data directory is the database's.
            findings = SecretScan.scanFiles(
                    DATA, file -> file.equals(ItSecrets.masterKeyFile()), ItSecrets.forLogsAndDatabase());
        }

        assertThat(findings).isEmpty();
    }

    /**
     * The ITs' second server (two instances, the crash test, metrics behind a password) gets the same secrets through
     * its answers, its shared Redis and its own vault: its logs and its own database are searched as the IT server's,
     * for the same secrets, its own master key and the metrics user's password. Started here if no IT needed it.
     */
    @Test
    void should_find_no_secret_in_the_second_servers_logs_and_database() throws SQLException {
        SecondServer second = SecondServer.asLeft();
        Map<String, String> secrets = new LinkedHashMap<>(ItSecrets.forLogsAndDatabase());
        secrets.putAll(ItSecrets.masterKeysIn(second.masterKeyFile(), "the second server's"));
        secrets.put("the second server's metrics password", SecondServer.METRICS_PASSWORD);
        assertThat(secrets).containsKey("the second server's vault master key #1");
        assertThat(second.logs().resolve("messages.log")).exists();

        List<String> findings = new ArrayList<>(SecretScan.scanFiles(second.logs(), file -> false, secrets));
        Optional<List<String>> postgresql = second.postgresqlConnection();
        if (postgresql.isPresent()) {
            try (Connection connection = DriverManager.getConnection(
                    postgresql.get().get(0),
                    postgresql.get().get(1),
                    postgresql.get().get(2))) {
                findings.addAll(SecretScan.scanDatabase(connection, secrets));
            }
        } else {
            assertThat(second.dataDir().resolve("llmadmin.mv.db")).exists();
            findings.addAll(
                    SecretScan.scanFiles(second.dataDir(), file -> file.equals(second.masterKeyFile()), secrets));
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void should_know_the_master_key_it_looks_for() {
        assertThat(Files.isRegularFile(ItSecrets.masterKeyFile())).isTrue();
        assertThat(ItSecrets.forAnswers().keySet()).anyMatch(name -> name.startsWith("vault master key"));
    }
}
