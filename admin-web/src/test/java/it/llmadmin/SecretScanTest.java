package it.llmadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's secret checks can fail: each finds a planted secret, and names it without printing it. */
class SecretScanTest {

    private static final Map<String, String> PLANTED = Map.of("the planted secret", ItSecrets.PROVIDER_SECRET);

    @Test
    void should_fail_an_answer_that_carries_a_registered_secret_naming_it_without_its_value() {
        String answer = "{\"message\":\"refused key " + ItSecrets.PROVIDER_SECRET + "\"}";

        assertThatThrownBy(() -> SecretScan.checkAnswer("POST /api/admin/credentials", answer))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/admin/credentials")
                .hasMessageContaining("the provider secret of the credential ITs")
                .hasMessageNotContaining(ItSecrets.PROVIDER_SECRET);
    }

    @Test
    void should_pass_an_answer_that_shows_only_the_last_four() {
        long before = SecretScan.answersChecked();

        SecretScan.checkAnswer("GET /api/admin/credentials/1", "{\"secrets\":[\"****cafe\"]}");

        assertThat(SecretScan.answersChecked()).isEqualTo(before + 1);
    }

    @Test
    void should_look_for_issued_gateway_tokens_in_logs_and_tables_only() {
        assertThat(ItSecrets.forAnswers()).containsValues(ItSecrets.DJANGO_DATABASE_PASSWORD, ItSecrets.ADMIN_PASSWORD);
        ItSecrets.issuedToken("llmk_planted_token");

        assertThat(ItSecrets.forLogsAndDatabase()).containsValue("llmk_planted_token");
        assertThat(ItSecrets.forAnswers()).doesNotContainValue("llmk_planted_token");
    }

    @Test
    void should_find_a_secret_planted_in_a_log_file_and_in_a_binary_file_but_skip_what_it_is_told(@TempDir Path dir)
            throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs/ffdc"));
        Files.writeString(logs.resolve("incident.txt"), "Exception: bad key " + ItSecrets.PROVIDER_SECRET + "\n");
        byte[] secret = ItSecrets.PROVIDER_SECRET.getBytes(StandardCharsets.US_ASCII);
        byte[] binary = new byte[secret.length + 4];
        binary[0] = (byte) 0xff;
        System.arraycopy(secret, 0, binary, 2, secret.length);
        Files.write(dir.resolve("llmadmin.mv.db"), binary);
        Files.writeString(dir.resolve("master.key"), ItSecrets.PROVIDER_SECRET);
        Files.writeString(dir.resolve("messages.log"), "nothing here but ****cafe");

        assertThat(SecretScan.scanFiles(
                        dir, file -> file.getFileName().toString().equals("master.key"), PLANTED))
                .containsExactlyInAnyOrder(
                        logs.resolve("incident.txt") + ": the planted secret",
                        dir.resolve("llmadmin.mv.db") + ": the planted secret");
    }

    @Test
    void should_find_a_secret_planted_in_any_column_of_any_table_of_a_database_dump() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:secretscan;DB_CLOSE_DELAY=-1", "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE clean_rows (id INT, name VARCHAR(100))");
            statement.execute("INSERT INTO clean_rows VALUES (1, '****cafe')");
            statement.execute("CREATE TABLE audit_event (id INT, detail CLOB, payload VARBINARY(200))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event VALUES (?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "before: {\"secret\":\"" + ItSecrets.PROVIDER_SECRET + "\"}");
                insert.setBytes(3, ItSecrets.PROVIDER_SECRET.getBytes(StandardCharsets.US_ASCII));
                insert.executeUpdate();
            }

            assertThat(SecretScan.scanDatabase(connection, PLANTED))
                    .containsExactlyInAnyOrder(
                            "AUDIT_EVENT.DETAIL: the planted secret", "AUDIT_EVENT.PAYLOAD: the planted secret");

            statement.execute("DELETE FROM audit_event");
            assertThat(SecretScan.scanDatabase(connection, PLANTED)).isEmpty();
        }
    }
}
