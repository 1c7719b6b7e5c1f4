package io.llmadmin.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(null, new InMemorySignInFailures(), new Clock() {
        @Override
        public java.time.ZoneId getZone() {
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
    });

    @Test
    void should_lock_a_user_after_five_failures_and_double_the_lock_after_each_further_one() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "192.0.2.1", "api");
        }
        assertThat(throttle.lockedFor("alice", "192.0.2.9")).isEmpty();

        throttle.failed("alice", "192.0.2.1", "api");
        assertThat(throttle.lockedFor("ALICE", "192.0.2.9")).hasValue(SignInThrottle.FIRST_LOCK);

        now = now.plus(SignInThrottle.FIRST_LOCK);
        assertThat(throttle.lockedFor("alice", "192.0.2.9")).isEmpty();
        throttle.failed("alice", "192.0.2.1", "api");
        assertThat(throttle.lockedFor("alice", "192.0.2.9")).hasValue(SignInThrottle.FIRST_LOCK.multipliedBy(2));
    }

    @Test
    void should_cap_the_lock() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("bob", "192.0.2.2", "console");
        }
        assertThat(throttle.lockedFor("bob", "192.0.2.9")).hasValue(SignInThrottle.MAX_LOCK);
    }

    @Test
    void should_lock_an_address_that_tries_many_user_names() {
        for (int i = 0; i < SignInThrottle.ADDRESS_THRESHOLD; i++) {
            throttle.failed("user" + i, "192.0.2.3", "api");
        }
        assertThat(throttle.lockedFor("someone-else", "192.0.2.3")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "192.0.2.4")).isEmpty();
    }

    @Test
    void should_forgive_failures_after_a_success() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carol", "192.0.2.5", "api");
        }
        throttle.succeeded("carol", "192.0.2.5");
        throttle.failed("carol", "192.0.2.5", "api");
        assertThat(throttle.lockedFor("carol", "192.0.2.5")).isEmpty();
        assertThat(Duration.ZERO).isZero();
    }

    @Test
    void should_keep_control_characters_out_of_the_log() {
        assertThat(SignInThrottle.printable("eve\r\nFAKE LOG LINE"))
                .doesNotContain("\n")
                .doesNotContain("\r");
    }
}
