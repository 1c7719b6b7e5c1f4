package io.llmadmin.legacy.testing;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.CredentialSecret;
import io.llmadmin.legacy.LegacyServices;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ModelDirectory;
import io.llmadmin.services.vault.internal.CredentialStore;
import io.llmadmin.services.vault.internal.DefaultApiKeyVault;
import io.llmadmin.services.vault.internal.EnvironmentSource;
import io.llmadmin.services.vault.internal.MasterKeys;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Installs the facade's services for a test: the real vault (stored keys in memory, then the given environment) and
 * the real single-attempt chat service. Nothing reads the real process environment.
 */
@SuppressWarnings("removal")
public final class FacadeServices {

    /** A fixed AES-256 master key for the stored keys of a test. */
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final DefaultApiKeyVault vault;

    private FacadeServices(DefaultApiKeyVault vault) {
        this.vault = vault;
    }

    /** Installs services whose environment is exactly {@code environment} (plus a short call timeout). */
    public static FacadeServices install(Map<String, String> environment, Path dataDirectory) {
        return install(environment, dataDirectory, null, CallRecorder.none());
    }

    /**
     * As {@link #install(Map, Path)}, with a registry of models a wrapper may match (null for none) and a recorder of
     * every upstream attempt.
     */
    public static FacadeServices install(
            Map<String, String> environment, Path dataDirectory, ModelDirectory registry, CallRecorder recorder) {
        Map<String, String> variables = new HashMap<>(environment);
        variables.putIfAbsent("LLM_CALL_TIMEOUT_SECONDS", "10");
        variables.put(MasterKeys.KEY_VARIABLE, MASTER_KEY);
        EnvironmentSource source = EnvironmentSource.of(variables);
        DefaultApiKeyVault vault = new DefaultApiKeyVault(
                new InMemoryCredentialStore(), new MasterKeys(source, dataDirectory.toString()), source, 0, () -> {});
        Function<String, String> lookup = variables::get;
        LegacyServices.install(
                registry == null
                        ? LegacyServices.create(vault, recorder, lookup)
                        : LegacyServices.create(vault, recorder, registry, lookup));
        return new FacadeServices(vault);
    }

    public static void uninstall() {
        LegacyServices.uninstall();
    }

    /** Stores a key in the vault, as an admin would in the console. */
    public FacadeServices storeKey(String provider, String label, String secret) {
        vault.store(provider, label, secret);
        return this;
    }

    /** The stored credentials, in memory; ids given out in order. */
    private static final class InMemoryCredentialStore implements CredentialStore {
        private final List<ApiCredential> credentials = new CopyOnWriteArrayList<>();
        private final AtomicLong ids = new AtomicLong(1000);

        /** Gives the credential an id, as the database's sequence would. */
        @Override
        public ApiCredential add(ApiCredential credential, String actor) {
            try {
                Field id = ApiCredential.class.getDeclaredField("id");
                id.setAccessible(true);
                id.set(credential, ids.getAndIncrement());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            credentials.add(credential);
            return credential;
        }

        @Override
        public List<ApiCredential> all() {
            return List.copyOf(credentials);
        }

        @Override
        public Optional<ApiCredential> byId(long id) {
            return Optional.empty();
        }

        @Override
        public List<ApiCredential> enabled(String provider) {
            List<ApiCredential> enabled = new ArrayList<>();
            for (ApiCredential credential : credentials) {
                if (credential.provider().equals(provider) && credential.enabled()) {
                    enabled.add(credential);
                }
            }
            return enabled;
        }

        @Override
        public Optional<ApiCredential> change(long id, String actor, String action, Consumer<ApiCredential> change) {
            return Optional.empty();
        }

        @Override
        public boolean delete(long id, String actor) {
            return false;
        }

        @Override
        public List<String> modelsUsing(long id) {
            return List.of();
        }

        @Override
        public int reencryptAll(BiFunction<ApiCredential, CredentialSecret, CredentialSecret> reseal, String actor) {
            return 0;
        }

        @Override
        public Set<String> masterKeyIdsInUse() {
            return Set.of();
        }
    }
}
