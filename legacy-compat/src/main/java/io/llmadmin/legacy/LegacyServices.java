package io.llmadmin.legacy;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.services.concurrency.ContainerExecutor;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.llm.ChatService;
import io.llmadmin.services.llm.ChatServices;
import io.llmadmin.services.llm.ModelDirectory;
import io.llmadmin.services.vault.ApiKeyVault;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the static facade reaches the services. Inside Liberty it resolves the {@link ApiKeyVault} and the
 * {@link CallRecorder} (usage) beans through {@link CDI#current()} on first use; plain-Java callers and tests
 * {@link #install} one built with {@link #create}. Either way the facade calls a chat service of its own that makes one
 * upstream attempt per model, because the legacy retry loop ({@code a0_retry_attempts}) is the facade's, and that reads
 * its keys from the vault through the wrapper's bound key.
 *
 * <p>A chat wrapper whose provider, model name and API base are those of an active registry model calls that model
 * (its parameters, defaults and capabilities, its usage under its catalog id) and so goes on to its fallbacks when it
 * fails before its first chunk: inside Liberty the registry is the container's {@link ModelDirectory}; elsewhere the
 * one given to {@link #create(ApiKeyVault, CallRecorder, ModelDirectory, Function)}, or none. Any other wrapper calls
 * a configuration held in memory, as the legacy module did.
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

    private static final Logger LOG = Logger.getLogger(LegacyServices.class.getName());

    /** The registry when there is none: no model matches, every wrapper keeps its configuration in memory. */
    private static final ModelDirectory NO_REGISTRY = catalogId -> Optional.empty();

    private final ApiKeyVault vault;
    private final BoundKeyVault keys;
    private final ModelDirectory registry;
    private final ChatService chat;
    private final Function<String, String> environment;

    private LegacyServices(
            ApiKeyVault vault,
            CallRecorder recorder,
            ModelDirectory registry,
            ScheduledExecutorService scheduler,
            Function<String, String> environment) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.keys = new BoundKeyVault(vault);
        this.chat = ChatServices.singleAttemptPerModel(
                keys,
                Objects.requireNonNull(recorder, "recorder"),
                Duration.ofSeconds(
                        Long.parseLong(variable("LLM_CALL_TIMEOUT_SECONDS").orElse("120"))),
                variable("INFERENCE_SERVICE_URL").orElse("http://localhost:8001"),
                variable("LLMADMIN_DATA_DIR").orElse(null),
                registry,
                scheduler);
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
        return new LegacyServices(vault, recorder, NO_REGISTRY, null, environment);
    }

    /**
     * Services for the facade outside the container, with a registry: a chat wrapper of one of its models calls that
     * model and goes on to its fallbacks.
     *
     * @param registry the active models (and their fallbacks) a wrapper's provider, name and API base may match
     * @deprecated Inject {@link ChatService} and {@link ApiKeyVault} instead.
     */
    @Deprecated(forRemoval = true, since = "0.1.0")
    public static LegacyServices create(
            ApiKeyVault vault, CallRecorder recorder, ModelDirectory registry, Function<String, String> environment) {
        return new LegacyServices(vault, recorder, registry, null, environment);
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
        Instance<ModelDirectory> directories = container.select(ModelDirectory.class);
        Instance<ScheduledExecutorService> executors =
                container.select(ScheduledExecutorService.class, new ContainerExecutorLiteral());
        return new LegacyServices(
                container.select(ApiKeyVault.class).get(),
                recorder,
                directories.isResolvable() ? directories.get() : NO_REGISTRY,
                executors.isResolvable() ? executors.get() : null,
                System::getenv);
    }

    /**
     * The active registry chat model a legacy wrapper names: the same provider (case-insensitive), provider model name
     * and API base (none, or the same URL but for trailing slashes), so that its key goes where the legacy call would
     * have sent it. Empty when none matches or the registry cannot be read here (the wrapper then keeps the legacy
     * behaviour).
     */
    Optional<ModelConfiguration> registryChatModel(String provider, String name, String apiBase) {
        String wanted = withoutTrailingSlashes(apiBase);
        List<ModelConfiguration> candidates;
        try {
            candidates = registry.findByProviderModel(provider, name);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The registry could not be read for " + provider + "/" + name + "; calling it without fallbacks",
                    e);
            return Optional.empty();
        }
        return candidates.stream()
                .filter(model -> model.type() == io.llmadmin.domain.model.ModelType.CHAT)
                .filter(model -> withoutTrailingSlashes(model.apiBase()).equals(wanted))
                .findFirst();
    }

    private static String withoutTrailingSlashes(String url) {
        String text = url == null ? "" : url.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** {@code @ContainerExecutor}, to select the container's managed executor. */
    private static final class ContainerExecutorLiteral extends AnnotationLiteral<ContainerExecutor>
            implements ContainerExecutor {
        private static final long serialVersionUID = 1L;
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
