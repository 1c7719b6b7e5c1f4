package it.llmadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite's last word on secrets, run after every other IT class ({@link LastClassOrderer}): the secrets the ITs
 * gave the server ({@link ItSecrets}) are in none of its log files (messages, traces, FFDC reports) and in no row of
 * its database — a full dump over JDBC on PostgreSQL, the embedded H2's files byte for byte (the running server holds
 * them open). Every answer was already checked as it arrived ({@link ServerUnderTest#send}).
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

    @Test
    void should_know_the_master_key_it_looks_for() {
        assertThat(Files.isRegularFile(ItSecrets.masterKeyFile())).isTrue();
        assertThat(ItSecrets.forAnswers().keySet()).anyMatch(name -> name.startsWith("vault master key"));
    }
}
