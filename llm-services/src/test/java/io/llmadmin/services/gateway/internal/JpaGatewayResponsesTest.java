package io.llmadmin.services.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.gateway.GatewayResponse;
import io.llmadmin.services.audit.internal.JpaAuditLog;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.StoredResponse;
import io.llmadmin.services.testsupport.ResourceLocalTransactions;
import io.llmadmin.services.testsupport.TestDatabases;
import io.llmadmin.services.testsupport.TestDatabases.Database;
import io.llmadmin.services.testsupport.TestDatabases.Kind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stored Responses API responses on migrated H2 and PostgreSQL databases: per key, with their retention. */
class JpaGatewayResponsesTest {

    private static final StoredResponse ANSWER =
            new StoredResponse("resp_1", "[{\"role\":\"user\",\"text\":\"Hi\"}]", "{\"id\":\"resp_1\"}");

    private Database database;
    private EntityManagerFactory factory;
    private EntityManager entityManager;
    private JpaGatewayKeys keys;
    private MovableClock clock;
    private JpaGatewayResponses responses;

    private void open(Kind kind) {
        database = TestDatabases.migrated(kind);
        factory = database.entityManagerFactory();
        entityManager = factory.createEntityManager();
        keys = new JpaGatewayKeys(entityManager, new JpaAuditLog(entityManager), new SecureRandom());
        clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        responses = new JpaGatewayResponses(entityManager, Duration.ofDays(30), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (entityManager != null) {
            entityManager.close();
        }
        if (factory != null) {
            factory.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        T result = ResourceLocalTransactions.inTransaction(entityManager, work);
        entityManager.clear();
        return result;
    }

    private long key(String name) {
        return inTransaction(() -> keys.issue("admin", name, List.of(), GatewayKeyLimits.UNLIMITED))
                .key()
                .id();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_give_a_stored_response_back_to_its_key_only(Kind kind) {
        open(kind);
        long owner = key("owner");
        long other = key("other");

        inTransaction(() -> {
            responses.store(owner, ANSWER);
            return null;
        });

        assertThat(inTransaction(() -> responses.find("resp_1", owner))).contains(ANSWER);
        assertThat(inTransaction(() -> responses.find("resp_1", other))).isEmpty();
        assertThat(inTransaction(() -> responses.delete("resp_1", other))).isFalse();
        assertThat(inTransaction(() -> responses.find("resp_1", owner))).isPresent();
        assertThat(inTransaction(() -> responses.delete("resp_1", owner))).isTrue();
        assertThat(inTransaction(() -> responses.find("resp_1", owner))).isEmpty();
        assertThat(inTransaction(() -> responses.delete("resp_1", owner))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_forget_a_response_past_its_retention_and_purge_it_on_a_later_store(Kind kind) {
        open(kind);
        long owner = key("owner");
        inTransaction(() -> {
            responses.store(owner, ANSWER);
            return null;
        });

        clock.advance(Duration.ofDays(29));
        assertThat(inTransaction(() -> responses.find("resp_1", owner))).isPresent();
        clock.advance(Duration.ofDays(1));
        assertThat(inTransaction(() -> responses.find("resp_1", owner))).isEmpty();
        assertThat(inTransaction(() -> responses.delete("resp_1", owner))).isFalse();

        inTransaction(() -> {
            responses.store(owner, new StoredResponse("resp_2", "[]", "{}"));
            return null;
        });
        assertThat(entityManager.find(GatewayResponse.class, "resp_1")).isNull();
        assertThat(entityManager.find(GatewayResponse.class, "resp_2")).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_delete_a_keys_responses_with_the_key(Kind kind) {
        open(kind);
        long owner = key("owner");
        inTransaction(() -> {
            responses.store(owner, ANSWER);
            return null;
        });

        inTransaction(() -> keys.revoke("admin", owner));
        inTransaction(() -> {
            keys.delete("admin", owner);
            return null;
        });

        assertThat(entityManager.find(GatewayResponse.class, "resp_1")).isNull();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
