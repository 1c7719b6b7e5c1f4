package io.llmadmin.services.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.testsupport.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDirectory;

    private static String randomKeyBase64() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private MasterKeys keys(Map<String, String> environment) {
        return new MasterKeys(EnvironmentSource.of(environment), dataDirectory, RANDOM);
    }

    @Test
    void should_use_the_environment_key_when_LLMADMIN_MASTER_KEY_is_set() {
        String key = randomKeyBase64();

        MasterKeyring ring = keys(Map.of("LLMADMIN_MASTER_KEY", key)).keyring();

        assertThat(ring.current()).isEqualTo(MasterKey.fromBase64(key, "test"));
        assertThat(dataDirectory.resolve("master.key")).doesNotExist();
    }

    @Test
    void should_keep_previous_keys_for_decryption_when_LLMADMIN_MASTER_KEY_PREVIOUS_lists_them() {
        String current = randomKeyBase64();
        String previous = randomKeyBase64();

        MasterKeyring ring = keys(Map.of(
                        "LLMADMIN_MASTER_KEY", current, "LLMADMIN_MASTER_KEY_PREVIOUS", " ," + previous))
                .keyring();

        assertThat(ring.current()).isEqualTo(MasterKey.fromBase64(current, "t"));
        assertThat(ring.byId(MasterKey.fromBase64(previous, "t").id())).isPresent();
    }

    @Test
    void should_name_the_variable_but_never_its_value_when_the_key_is_not_base64_of_32_bytes() {
        String notBase64 = "this-is-not-base64-$$$";
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> keys(Map.of("LLMADMIN_MASTER_KEY", notBase64)).keyring())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LLMADMIN_MASTER_KEY")
                .hasMessageNotContaining(notBase64)
                .hasMessageNotContaining("$")
                .hasNoCause();
        assertThatThrownBy(() -> keys(Map.of("LLMADMIN_MASTER_KEY", tooShort)).keyring())
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void should_read_the_named_file_when_LLMADMIN_MASTER_KEY_FILE_is_set() throws Exception {
        String key = randomKeyBase64();
        Path file = Files.writeString(dataDirectory.resolve("custom.key"), "# comment\n\n" + key + "\n");

        MasterKeys keys = keys(Map.of("LLMADMIN_MASTER_KEY_FILE", file.toString()));

        assertThat(keys.keyring().current()).isEqualTo(MasterKey.fromBase64(key, "t"));
        assertThat(keys.keyFile()).contains(file);
    }

    @Test
    void should_say_which_file_is_missing_when_LLMADMIN_MASTER_KEY_FILE_names_none() {
        Path missing = dataDirectory.resolve("nope.key");

        assertThatThrownBy(() -> keys(Map.of("LLMADMIN_MASTER_KEY_FILE", missing.toString()))
                        .keyring())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LLMADMIN_MASTER_KEY_FILE")
                .hasMessageContaining("nope.key");
    }

    @Test
    void should_generate_an_owner_only_key_file_and_log_its_path_but_not_the_key_when_nothing_is_configured()
            throws Exception {
        MasterKeyring ring;
        String logged;
        try (CapturedLogs logs = new CapturedLogs()) {
            ring = keys(Map.of()).keyring();
            logged = logs.text();
        }

        Path file = dataDirectory.resolve("master.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        String keyLine = content.lines()
                .filter(line -> !line.startsWith("#"))
                .findFirst()
                .orElseThrow();
        assertThat(logged)
                .contains(file.toAbsolutePath().toString())
                .contains(ring.current().id());
        assertThat(logged).doesNotContain(keyLine);
        assertThat(keys(Map.of()).keyring().current())
                .as("a restart reads the same key")
                .isEqualTo(ring.current());
    }

    @Test
    void should_put_the_new_key_first_and_keep_the_old_one_in_the_file_while_a_rotation_runs() {
        MasterKeys keys = keys(Map.of());
        MasterKey old = keys.keyring().current();

        MasterKeys.Rotation rotation = keys.beginRotation();

        MasterKeyring onDisk = keys(Map.of()).keyring();
        assertThat(onDisk.current()).isEqualTo(rotation.during().current()).isNotEqualTo(old);
        assertThat(onDisk.byId(old.id())).contains(old);
        assertThat(keys.keyring().current()).isEqualTo(rotation.during().current());
    }

    @Test
    void should_restore_the_old_key_when_a_rotation_is_abandoned() throws Exception {
        MasterKeys keys = keys(Map.of());
        MasterKey old = keys.keyring().current();
        MasterKeys.Rotation rotation = keys.beginRotation();

        keys.abandon(rotation);

        assertThat(keys.keyring().all()).containsExactly(old);
        assertThat(keys(Map.of()).keyring().all()).containsExactly(old);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("master.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void should_forget_keys_no_row_uses_when_a_rotation_completes() {
        MasterKeys keys = keys(Map.of());
        MasterKeys.Rotation rotation = keys.beginRotation();
        MasterKey next = rotation.during().current();

        keys.complete(rotation, Set.of(next.id()));

        assertThat(keys.keyring().all()).containsExactly(next);
        assertThat(keys(Map.of()).keyring().all()).isEqualTo(List.of(next));
    }

    @Test
    void should_rotate_onto_the_environment_key_without_generating_when_the_key_comes_from_the_environment() {
        String key = randomKeyBase64();
        MasterKeys keys = keys(Map.of("LLMADMIN_MASTER_KEY", key));

        MasterKeys.Rotation rotation = keys.beginRotation();

        assertThat(rotation.newKeyGenerated()).isFalse();
        assertThat(rotation.during().current()).isEqualTo(MasterKey.fromBase64(key, "t"));
        assertThat(dataDirectory.resolve("master.key")).doesNotExist();
    }
}
