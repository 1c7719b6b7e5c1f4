package io.llmadmin.services.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.catalog.CatalogChangedElsewhere;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import io.llmadmin.services.testsupport.CapturedLogs;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import io.llmadmin.services.vault.CredentialSummary;
import io.llmadmin.services.vault.NewCredential;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credentials as first-class things on the real databases: bound to an endpoint, several secrets in turn, compared in
 * full, audited without secrets, refused while a model uses them, and no secret anywhere in a dump of the database.
 */
class JpaCredentialsTest {

    private static final String VLLM = "http://127.0.0.1:8000/v1";
    private static final String SECRET_A = "sk-vllm-AAAAAAAAAAAAAAAAAAAAAAAAAAAA-same";
    private static final String SECRET_B = "sk-vllm-BBBBBBBBBBBBBBBBBBBBBBBBBBBB-same";
    private static final String OPENAI_SECRET = "sk-openai-CCCCCCCCCCCCCCCCCCCCCCCC-9999";

    @TempDir
    Path dataDirectory;

    private Database database;
    private EntityManagerFactory factory;

    private DefaultApiKeyVault open(Kind kind, Map<String, String> environment) {
        database = TestDatabases.migrated(kind);
        factory = database.entityManagerFactory();
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

    private static ModelConfiguration model(String id, String provider, String apiBase, Long credentialId) {
        ModelConfiguration model = new ModelConfiguration(id, ModelType.CHAT, provider, "m", id);
        model.routeTo(apiBase, null, false);
        model.useCredential(credentialId);
        return model;
    }

    private CredentialSummary vllm(DefaultApiKeyVault vault, String... secrets) {
        return vault.create("alice", new NewCredential("other", "vllm-a", VLLM, List.of(secrets)));
    }

    /** Another vault over the same database and master key, as a second instance is; its notices go to {@code sent}. */
    private DefaultApiKeyVault instance(List<String> sent) {
        EnvironmentSource source = EnvironmentSource.of(Map.of());
        return new DefaultApiKeyVault(
                new ResourceLocalCredentialStore(factory),
                new MasterKeys(source, dataDirectory, new SecureRandom()),
                source,
                Duration.ofSeconds(30),
                Clock.systemUTC(),
                () -> sent.add("changed"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_keep_an_opened_secret_until_a_change_here_or_another_instances_notice(Kind kind) {
        open(kind, Map.of());
        List<String> sentHere = new ArrayList<>();
        DefaultApiKeyVault here = instance(sentHere);
        DefaultApiKeyVault elsewhere = instance(new ArrayList<>());
        CredentialSummary credential = vllm(here, SECRET_A);
        ModelConfiguration named = model("named", "other", VLLM, credential.id());
        assertThat(here.keyFor(named)).hasValue(SECRET_A);

        elsewhere.replaceSecrets("bob", credential.id(), SECRET_B);
        assertThat(here.keyFor(named)).as("kept until told").hasValue(SECRET_A);
        here.onOtherInstance(new CatalogChangedElsewhere());
        assertThat(here.keyFor(named)).as("after another instance's notice").hasValue(SECRET_B);

        here.disable("alice", credential.id());
        assertThatThrownBy(() -> here.keyFor(named))
                .as("a change here: at once")
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("disabled");
        assertThat(sentHere).as("each change here is announced").hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_send_a_secret_only_to_its_credentials_endpoint_when_a_model_calls(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of("API_KEY_OTHER", "sk-env-other-key-1234"));
        CredentialSummary credential = vllm(vault, SECRET_A);

        assertThat(vault.keyFor(model("named", "other", VLLM + "/", credential.id())))
                .hasValue(SECRET_A);
        assertThat(vault.keyFor(model("default-of-endpoint", "other", VLLM, null)))
                .hasValue(SECRET_A);
        assertThat(vault.keyFor(model("elsewhere", "other", "http://attacker:8000/v1", null)))
                .as("neither the stored key nor the environment's goes to another host")
                .isEmpty();
        assertThatThrownBy(() ->
                        vault.keyFor(model("named-elsewhere", "other", "http://attacker:8000/v1", credential.id())))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("http://attacker:8000")
                .hasMessageContaining("http://127.0.0.1:8000")
                .hasMessageNotContaining(SECRET_A);
        assertThat(vault.requireKey("other"))
                .as("the legacy lookup stays per provider")
                .isEqualTo(SECRET_A);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_use_the_environment_key_for_the_official_endpoint_only_when_nothing_is_stored(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of("OPENAI_API_KEY", "sk-env-openai-key-5678"));

        assertThat(vault.keyFor(model("official", "openai", null, null))).hasValue("sk-env-openai-key-5678");
        assertThat(vault.keyFor(model("proxy", "openai", "http://proxy.example/v1", null)))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_refuse_a_disabled_named_credential_when_a_model_calls(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        CredentialSummary credential = vllm(vault, SECRET_A);
        vault.disable("alice", credential.id());

        assertThatThrownBy(() -> vault.keyFor(model("named", "other", VLLM, credential.id())))
                .isInstanceOf(LlmNotConfiguredException.class)
                .hasMessageContaining("disabled");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_hand_out_a_credentials_secrets_in_turn_when_it_holds_several(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        CredentialSummary credential = vllm(vault, SECRET_A);
        CredentialSummary added = vault.addSecret("bob", credential.id(), SECRET_B);
        ModelConfiguration model = model("rr", "other", VLLM, credential.id());

        List<String> handedOut = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> handedOut.add(vault.keyFor(model).orElseThrow()));

        assertThat(handedOut).containsExactly(SECRET_A, SECRET_B, SECRET_A, SECRET_B);
        assertThat(added.lastFours()).containsExactly("same", "same");
        assertThat(added.rotatedBy()).isEqualTo("bob");
        assertThat(added.createdBy()).isEqualTo("alice");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_compare_the_whole_secret_not_its_last_four_when_asked_whether_it_is_held(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        CredentialSummary credential = vllm(vault, SECRET_A);

        assertThat(vault.holdsSecret(credential.id(), SECRET_A)).isTrue();
        assertThat(vault.holdsSecret(credential.id(), SECRET_B))
                .as("same last four")
                .isFalse();
        assertThatThrownBy(() -> vault.addSecret("bob", credential.id(), SECRET_A))
                .isInstanceOf(ConflictingChangeException.class)
                .hasMessageNotContaining(SECRET_A);
        vault.rotateMasterKey("carol");
        assertThat(vault.holdsSecret(credential.id(), SECRET_A))
                .as("after a rotation")
                .isTrue();
        assertThat(vault.holdsSecret(credential.id(), SECRET_B)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_name_each_wrong_field_when_a_credential_is_created_badly(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());

        assertThatThrownBy(() -> vault.create("a", new NewCredential("other", "x", null, List.of(SECRET_A))))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(error -> error.field())
                                .containsExactly("baseUrl"));
        assertThatThrownBy(() -> vault.create(
                        "a", new NewCredential("nope", "", "http://u:p@h/v1", List.of("short", SECRET_A, SECRET_A))))
                .isInstanceOfSatisfying(
                        InvalidChangeException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(error -> error.field())
                                .containsExactly("provider", "name", "baseUrl", "secrets[0]", "secrets[2]"))
                .hasMessageNotContaining(SECRET_A)
                .hasMessageNotContaining("u:p");
        CredentialSummary official =
                vault.create("a", new NewCredential("openai", "prod", " ", List.of(OPENAI_SECRET)));
        assertThat(official.baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_refuse_to_delete_a_credential_while_a_model_uses_it(Kind kind) {
        DefaultApiKeyVault vault = open(kind, Map.of());
        CredentialSummary credential = vllm(vault, SECRET_A);
        ModelConfiguration user = model("uses-vllm-a", "other", VLLM, credential.id());
        ResourceLocalTransactions.inTransaction(factory, entityManager -> {
            entityManager.persist(user);
            return null;
        });

        assertThatThrownBy(() -> vault.delete("alice", credential.id()))
                .isInstanceOf(ConflictingChangeException.class)
                .hasMessageContaining("uses-vllm-a");
        assertThat(vault.modelsUsing(credential.id())).containsExactly("uses-vllm-a");
        assertThat(vault.find(credential.id())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_leave_no_secret_in_any_table_log_line_or_audit_event_when_credentials_are_managed(Kind kind)
            throws Exception {
        DefaultApiKeyVault vault = open(kind, Map.of());
        String logged;
        try (CapturedLogs logs = new CapturedLogs()) {
            CredentialSummary credential = vllm(vault, SECRET_A);
            vault.addSecret("alice", credential.id(), SECRET_B);
            vault.store("openai", "legacy", OPENAI_SECRET);
            vault.keyFor(model("m", "other", VLLM, credential.id()));
            vault.disable("alice", credential.id());
            vault.rotateMasterKey("alice");
            vault.enable("alice", credential.id());
            vault.replaceSecrets("alice", credential.id(), SECRET_A);
            vault.test(credential.id());
            logged = logs.text();
        }

        String dump = dumpEveryTable();
        assertThat(dump).contains("vllm-a").contains("****same").contains("ROTATE_MASTER_KEY");
        for (String secret : List.of(SECRET_A, SECRET_B, OPENAI_SECRET)) {
            String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(dump)
                    .doesNotContain(secret)
                    .doesNotContain(secret.substring(0, 20))
                    .doesNotContain(base64);
            assertThat(logged).doesNotContain(secret).doesNotContain(secret.substring(8, 24));
        }
    }

    /** Every row of every table of the database as text: the closest thing to a dump that reads the same on both. */
    private String dumpEveryTable() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, database.postgresSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String schema = rows.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                        continue;
                    }
                    tables.add((schema == null ? "" : schema + ".") + rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).anyMatch(table -> table.toLowerCase().endsWith("api_credential_secret"));
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int i = 1; i <= columns; i++) {
                                dump.append(rows.getString(i)).append('|');
                            }
                            dump.append('\n');
                        }
                    }
                }
            }
        }
        return dump.toString();
    }
}
