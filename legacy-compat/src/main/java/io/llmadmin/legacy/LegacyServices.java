package io.llmadmin.legacy;

import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ChatServices;
import io.llmadmin.services.vault.ApiKeyVault;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the static facade reaches the services. Inside Liberty it resolves the {@link ApiKeyVault} and the
 * {@link CallRecorder} (usage) beans through {@link CDI#current()} on first use; plain-Java callers and tests
 * {@link #install} one built with {@link #create}. Either way the facade calls a chat service of its own that makes one
 * upstream attempt per call, because the legacy retry loop ({@code a0_retry_attempts}) is the facade's, and that reads
 * its keys from the vault through the wrapper's bound key.
 *
 * <p>The environment (the {@code SA01_*} switches, {@code LLM_CALL_TIMEOUT_SECONDS}, {@code INFERENCE_SERVICE_URL},
 * {@code LLMADMIN_DATA_DIR}) is read through the function given to {@link #create}, so tests never touch the real one.
 *
 * @deprecated Inject {@link ChatService} and {@link ApiKeyVault} instead.
 */
@Deprecated(forRemoval = true, since = "0.1.0")
@ReplacedBy("io.llmadmin.services.llm.ChatService, io.llmadmin.services.vault.ApiKeyVault")
public final class LegacyServices {

    private static volatile LegacyServices installed;
    private static volatile LegacyServices fromContainer;

    private final ApiKeyVault vault;
    private final BoundKeyVault keys;
    private final ChatService chat;
    private final Function<String, String> environment;

    private LegacyServices(ApiKeyVault vault, CallRecorder recorder, Function<String, String> environment) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.keys = new BoundKeyVault(vault);
        this.chat = ChatServices.singleAttempt(
                keys,
                Objects.requireNonNull(recorder, "recorder"),
                Duration.ofSeconds(
                        Long.parseLong(variable("LLM_CALL_TIMEOUT_SECONDS").orElse("120"))),
                variable("INFERENCE_SERVICE_URL").orElse("http://localhost:8001"),
                variable("LLMADMIN_DATA_DIR").orElse(null));
    }

    /**
     * Services for the facade outside the container.
     *
     * @param vault where keys come from (stored keys, then the legacy environment variables)
     * @param recorder receives every upstream attempt (usage); {@link CallRecorder#none()} for nothing
     * @param environment a variable's value by name, null when unset ({@code System::getenv} for the real one)
     * @deprecated Inject {@link ChatService} and {@link ApiKeyVault} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static LegacyServices create(
            ApiKeyVault vault, CallRecorder recorder, Function<String, String> environment) {
        return new LegacyServices(vault, recorder, environment);
    }

    /**
     * Makes the facade use these services (until {@link #uninstall()}), in and out of the container.
     *
     * @deprecated Inject {@link ChatService} and {@link ApiKeyVault} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static void install(LegacyServices services) {
        installed = Objects.requireNonNull(services, "services");
    }

    /**
     * Forgets the installed services; inside Liberty the facade goes back to the container's beans.
     *
     * @deprecated Inject {@link ChatService} and {@link ApiKeyVault} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static void uninstall() {
        installed = null;
    }

    static LegacyServices current() {
        LegacyServices services = installed;
        if (services != null) {
            return services;
        }
        services = fromContainer;
        if (services == null) {
            synchronized (LegacyServices.class) {
                if (fromContainer == null) {
                    fromContainer = fromCdi();
                }
                services = fromContainer;
            }
        }
        return services;
    }

    /** Forgets the services built from the container, so that the next call resolves them again (for tests). */
    static void forgetContainer() {
        synchronized (LegacyServices.class) {
            fromContainer = null;
        }
    }

    private static LegacyServices fromCdi() {
        CDI<Object> container;
        try {
            container = CDI.current();
        } catch (IllegalStateException noContainer) {
            throw new IllegalStateException(
                    "The legacy facade has no services: inside Liberty they come from CDI;"
                            + " elsewhere call LegacyServices.install(LegacyServices.create(...)) first",
                    noContainer);
        }
        Instance<CallRecorder> recorders = container.select(CallRecorder.class);
        CallRecorder recorder = recorders.isResolvable() ? recorders.get() : CallRecorder.none();
        return new LegacyServices(container.select(ApiKeyVault.class).get(), recorder, System::getenv);
    }

    ApiKeyVault vault() {
        return vault;
    }

    ChatService chat() {
        return chat;
    }

    BoundKeyVault keys() {
        return keys;
    }

    LegacyRateLimiters limiters() {
        return LegacyRateLimiters.processWide();
    }

    /** A variable's value; empty when unset or empty. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isEmpty());
    }
}
