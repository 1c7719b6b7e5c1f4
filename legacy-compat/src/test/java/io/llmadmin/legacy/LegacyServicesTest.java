package io.llmadmin.legacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.llmadmin.legacy.testing.OpenAiSse;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.CallRecord;
import io.llmadmin.services.llm.CallRecorder;
import io.llmadmin.services.vault.ApiKeyVault;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the static facade finds the services: the container's beans through {@link CDI#current()}, or none. */
@SuppressWarnings("removal")
class LegacyServicesTest {

    /** The container the CDI provider hands out; null = no container running. */
    private static volatile Container running;

    static {
        CDI.setCDIProvider(() -> {
            Container container = running;
            if (container == null) {
                throw new IllegalStateException("no CDI container in this test");
            }
            return container;
        });
    }

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void noInstalledServices() {
        LegacyServices.uninstall();
        LegacyServices.forgetContainer();
    }

    @AfterEach
    void reset() {
        running = null;
        LegacyServices.forgetContainer();
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Test
    void should_tell_how_to_install_services_when_there_is_neither_a_container_nor_an_installed_one() {
        assertThatThrownBy(() -> Models.getApiKey("openai"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LegacyServices.install(LegacyServices.create(...))");
    }

    @Test
    void should_use_the_containers_vault_and_usage_recorder_when_running_inside_it() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiSse.stream(List.of("from the container")))));
        List<CallRecord> usage = new CopyOnWriteArrayList<>();
        ApiKeyVault vault =
                vault(provider -> provider.equals("other") ? Optional.of("sk-container-1") : Optional.empty());
        running = new Container(Map.of(ApiKeyVault.class, vault, CallRecorder.class, (CallRecorder) usage::add));

        String key = Models.getApiKey("other");
        ResponseAndReasoning answer = Models.getChatModel(
                        "other", "m", null, Map.of("api_base", server.baseUrl() + "/v1"))
                .unifiedCall("", "hi", null, null, null, null, null, null);

        assertThat(key).isEqualTo("sk-container-1");
        assertThat(answer.response()).isEqualTo("from the container");
        assertThat(usage).singleElement().extracting(CallRecord::outcome).isEqualTo(CallOutcome.SUCCEEDED);
        assertThat(usage.get(0).caller()).startsWith("legacy:");
    }

    @Test
    void should_prefer_installed_services_over_the_container() {
        running = new Container(Map.of(ApiKeyVault.class, vault(provider -> Optional.of("sk-container-1"))));
        LegacyServices.install(LegacyServices.create(
                vault(provider -> Optional.of("sk-installed-1")), CallRecorder.none(), name -> null));
        try {
            assertThat(Models.getApiKey("openai")).isEqualTo("sk-installed-1");
        } finally {
            LegacyServices.uninstall();
        }
    }

    /** A container holding one bean per type; enough of CDI for {@code select(type)}. */
    private static final class Container extends CDI<Object> {
        private final Map<Class<?>, Object> beans;

        Container(Map<Class<?>, Object> beans) {
            this.beans = beans;
        }

        @Override
        public <U> Instance<U> select(Class<U> type, Annotation... qualifiers) {
            return new One<>(type.cast(beans.get(type)));
        }

        @Override
        public Instance<Object> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Instance<U> select(TypeLiteral<U> type, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BeanManager getBeanManager() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return true;
        }

        @Override
        public boolean isAmbiguous() {
            return false;
        }

        @Override
        public void destroy(Object instance) {}

        @Override
        public Handle<Object> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<Object>> handles() {
            return List.of();
        }

        @Override
        public Iterator<Object> iterator() {
            return List.of().iterator();
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }
    }

    /** The beans of one type: the one held, or none. */
    private static final class One<T> implements Instance<T> {
        private final T bean;

        One(T bean) {
            this.bean = bean;
        }

        @Override
        public Instance<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Instance<U> select(Class<U> type, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Instance<U> select(TypeLiteral<U> type, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isUnsatisfied() {
            return bean == null;
        }

        @Override
        public boolean isAmbiguous() {
            return false;
        }

        @Override
        public void destroy(T instance) {}

        @Override
        public Handle<T> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<T>> handles() {
            return List.of();
        }

        @Override
        public Iterator<T> iterator() {
            return bean == null ? List.<T>of().iterator() : List.of(bean).iterator();
        }

        @Override
        public T get() {
            if (bean == null) {
                throw new IllegalStateException("no bean");
            }
            return bean;
        }
    }

    /** A vault that answers every lookup, the legacy one and a model's, by provider. */
    private static ApiKeyVault vault(java.util.function.Function<String, Optional<String>> byProvider) {
        return new ApiKeyVault() {
            @Override
            public Optional<String> nextKey(String provider) {
                return byProvider.apply(provider);
            }

            @Override
            public Optional<String> keyFor(io.llmadmin.domain.model.ModelConfiguration model) {
                return byProvider.apply(model.provider());
            }
        };
    }
}
