package io.llmadmin.services.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.testsupport.CapturedLogs;
import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.vault.CredentialSummary;
import io.llmadmin.services.vault.DuplicateCredentialException;
import io.llmadmin.services.vault.MasterKeyRotation;
import io.llmadmin.services.vault.MasterKeyRotationException;
import io.llmadmin.services.vault.UnknownCredentialException;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The vault on the real databases: what lands in the table, round-robin, the admin operations, rotation. */
class JpaVaultTest {

    private static final String KEY_1 = "sk-proj-FIRST-clear-key-aaaaaaaaaaaa1111";
    private static final String KEY_2 = "sk-proj-SECOND-clear-key-bbbbbbbbbbb2222";
    private static final String KEY_3 = "sk-proj-THIRD-clear-key-cccccccccccc3333";

    @TempDir
    Path dataDirectory;

    private Database database;
    private EntityManagerFactory factory;

    private DefaultApiKeyVault open(Kind kind, Map<String, String> environment) {
        database = TestDatabases.migrated(kind);
        factory = database.entityManagerFactory();
        return restart(environment);
    }

    /** A new vault over the same database and data directory, as after a restart. */
    private DefaultApiKeyVault restart(Map<String, String> environment) {
        EnvironmentSource source = EnvironmentSource.of(environment);
        return new DefaultApiKeyVault(
                new ResourceLocalCredentialStore(factory),
                new MasterKeys(source, dataDirectory, new SecureRandom()),
                source,
                Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_store_no_column_holding_the_clear_key_when_a_key_is_stored(Kind kind) throws Exception {
        DefaultApiKeyVault vault = open(kind, Map.of());

        CredentialSummary stored = vault.store("OpenAI", "production", KEY_1);

        Map<String, String> row = rawRow(stored.id());
        assertThat(row).containsEntry("provider", "openai").containsEntry("last_four", "1111");
        String base64 = Base64.getEncoder().encodeToString(KEY_1.getBytes(StandardCharsets.UTF_8));
        row.forEach((column, value) -> assertThat(String.valueOf(value))
                .as("column %s", column)
                .doesNotContain(KEY_1)
                .doesNotContain(KEY_1.substring(0, 20))
                .doesNotContain(base64.substring(0, 20)));
        assertThat(row.get("master_key_id")).isEqualTo(stored.masterKeyId());
        assertThat(vault.requireKey("openai")).isEqualTo(KEY_1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_show_only_the_last_four_characters_when_listed(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        vault.store("anthropic", "team-b", KEY_2);
        vault.store("openai", "team-a", "  " + KEY_1 + "\n");

        List<CredentialSummary> listed = vault.list();

        assertThat(listed).extracting(CredentialSummary::provider).containsExactly("anthropic", "openai");
        assertThat(listed).extracting(CredentialSummary::lastFours).containsExactly(List.of("2222"), List.of("1111"));
        assertThat(listed.toString()).doesNotContain(KEY_1).doesNotContain(KEY_2);
        assertThat(listed.get(0).createdAt()).isNotNull();
        assertThat(vault.find(listed.get(1).id())).contains(listed.get(1));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_hand_out_enabled_keys_round_robin_case_insensitively_before_the_environment(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of("OPENAI_API_KEY", "sk-from-the-environment"));
        vault.store("openai", "one", KEY_1);
        vault.store("OPENAI", "two", KEY_2);
        vault.store("openai", "three", KEY_3);

        List<String> handedOut = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> handedOut.add(vault.requireKey(i % 2 == 0 ? "OpenAI" : "openai")));

        assertThat(handedOut).containsExactly(KEY_1, KEY_2, KEY_3, KEY_1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_skip_disabled_and_deleted_keys_and_fall_back_to_the_environment_when_none_is_left(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of("API_KEY_OPENAI", "sk-from-the-environment"));
        CredentialSummary one = vault.store("openai", "one", KEY_1);
        CredentialSummary two = vault.store("openai", "two", KEY_2);

        CredentialSummary disabled = vault.disable("admin", one.id());
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.version()).isGreaterThan(one.version());
        assertThat(List.of(vault.requireKey("openai"), vault.requireKey("openai")))
                .containsExactly(KEY_2, KEY_2);

        vault.delete("admin", two.id());
        assertThat(vault.requireKey("openai")).isEqualTo("sk-from-the-environment");

        vault.enable("admin", one.id());
        assertThat(vault.requireKey("openai")).isEqualTo(KEY_1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_refuse_bad_input_naming_the_field_but_never_the_key(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        vault.store("openai", "production", KEY_1);

        assertThatThrownBy(() -> vault.store("openai", "production", KEY_2))
                .isInstanceOf(DuplicateCredentialException.class)
                .hasMessageContaining("production")
                .hasMessageNotContaining(KEY_2);
        assertThatThrownBy(() -> vault.store("openai", "short", "sk-1234"))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("secret")
                .hasMessageNotContaining("sk-1234");
        assertThatThrownBy(() -> vault.store("openai", "spaces", "sk-with a-space-inside"))
                .hasMessageContaining("secret")
                .hasMessageNotContaining("a-space");
        assertThatThrownBy(() -> vault.store("open ai", "x", KEY_2)).hasMessageStartingWith("provider");
        assertThatThrownBy(() -> vault.store("openai", " ", KEY_2)).hasMessageStartingWith("label");
        assertThatThrownBy(() -> vault.disable("admin", 424242)).isInstanceOf(UnknownCredentialException.class);
        assertThatThrownBy(() -> vault.delete("admin", 424242)).isInstanceOf(UnknownCredentialException.class);
        assertThat(vault.list()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_reencrypt_every_key_under_a_new_master_key_that_survives_a_restart_when_rotated(Kind kind)
            throws Exception {
        DefaultApiKeyVault vault = open(kind, Map.of());
        CredentialSummary one = vault.store("openai", "one", KEY_1);
        CredentialSummary two = vault.store("anthropic", "two", KEY_2);
        vault.disable("admin", two.id());
        String ciphertextBefore = rawRow(one.id()).get("secret_ciphertext");

        MasterKeyRotation rotation = vault.rotateMasterKey("admin");

        assertThat(rotation.reencrypted()).isEqualTo(2);
        assertThat(rotation.currentKeyId()).isNotEqualTo(rotation.previousKeyId());
        assertThat(rawRow(one.id())).containsEntry("master_key_id", rotation.currentKeyId());
        assertThat(rawRow(two.id())).containsEntry("master_key_id", rotation.currentKeyId());
        assertThat(rawRow(one.id()).get("secret_ciphertext")).isNotEqualTo(ciphertextBefore);
        DefaultApiKeyVault restarted = restart(Map.of());
        restarted.enable("admin", two.id());
        assertThat(restarted.requireKey("openai")).isEqualTo(KEY_1);
        assertThat(restarted.requireKey("anthropic")).isEqualTo(KEY_2);
        assertThat(new MasterKeys(EnvironmentSource.of(Map.of()), dataDirectory, new SecureRandom())
                        .keyring()
                        .all())
                .extracting(MasterKey::id)
                .as("the old key is gone from the key file")
                .containsExactly(rotation.currentKeyId());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_leave_every_key_under_the_old_master_key_when_a_rotation_fails_part_way(Kind kind) throws Exception {
        DefaultApiKeyVault vault = open(kind, Map.of());
        CredentialSummary first = vault.store("openai", "first", KEY_1);
        CredentialSummary broken = vault.store("anthropic", "broken", KEY_2);
        CredentialSummary last = vault.store("gemini", "last", KEY_3);
        String oldKeyId = first.masterKeyId();
        Map<String, String> firstBefore = rawRow(first.id());
        Map<String, String> lastBefore = rawRow(last.id());
        // The middle row's ciphertext is damaged in the database, so the rotation fails after the first row moved.
        execute("UPDATE api_credential_secret SET secret_ciphertext = '"
                + Base64.getEncoder().encodeToString("damaged-ciphertext-bytes".getBytes(StandardCharsets.UTF_8))
                + "' WHERE credential_id = " + broken.id());

        assertThatThrownBy(() -> vault.rotateMasterKey("admin"))
                .isInstanceOf(MasterKeyRotationException.class)
                .hasMessageContaining("rolled back")
                .hasMessageContaining(oldKeyId);

        assertThat(rawRow(first.id())).isEqualTo(firstBefore);
        assertThat(rawRow(last.id())).isEqualTo(lastBefore);
        assertThat(vault.requireKey("openai")).isEqualTo(KEY_1);
        DefaultApiKeyVault restarted = restart(Map.of());
        assertThat(restarted.requireKey("openai")).isEqualTo(KEY_1);
        assertThat(restarted.requireKey("gemini")).isEqualTo(KEY_3);
        assertThatThrownBy(() -> restarted.requireKey("anthropic"))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("'anthropic'")
                .hasMessageNotContaining(KEY_2);
        assertThat(new MasterKeys(EnvironmentSource.of(Map.of()), dataDirectory, new SecureRandom())
                        .keyring()
                        .all())
                .extracting(MasterKey::id)
                .containsExactly(oldKeyId);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_move_rows_off_a_previous_environment_key_when_rotated_onto_a_new_one(Kind kind) throws Exception {
        String oldKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        String newKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        DefaultApiKeyVault vault = open(kind, Map.of("LLMADMIN_MASTER_KEY", oldKey));
        CredentialSummary stored = vault.store("openai", "one", KEY_1);

        DefaultApiKeyVault restarted =
                restart(Map.of("LLMADMIN_MASTER_KEY", newKey, "LLMADMIN_MASTER_KEY_PREVIOUS", oldKey));
        assertThat(restarted.requireKey("openai")).isEqualTo(KEY_1);
        MasterKeyRotation rotation = restarted.rotateMasterKey("admin");

        assertThat(rotation.previousKeyId()).isEqualTo(rotation.currentKeyId());
        assertThat(rawRow(stored.id()))
                .containsEntry(
                        "master_key_id", MasterKey.fromBase64(newKey, "t").id());
        assertThat(restart(Map.of("LLMADMIN_MASTER_KEY", newKey)).requireKey("openai"))
                .isEqualTo(KEY_1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_log_no_key_when_storing_using_and_rotating(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        String logged;
        try (CapturedLogs logs = new CapturedLogs()) {
            CredentialSummary stored = vault.store("openai", "one", KEY_1);
            vault.requireKey("openai");
            vault.disable("admin", stored.id());
            vault.rotateMasterKey("admin");
            vault.enable("admin", stored.id());
            vault.requireKey("openai");
            logged = logs.text();
        }

        assertThat(logged).contains("openai").doesNotContain(KEY_1).doesNotContain(KEY_1.substring(8, 24));
    }

    private Map<String, String> rawRow(long id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT c.*, s.* FROM api_credential c"
                        + " JOIN api_credential_secret s ON s.credential_id = c.id WHERE c.id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("row %s exists", id).isTrue();
                ResultSetMetaData meta = rows.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rows.getString(i));
                }
                return row;
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
