package io.llmadmin.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayKeyTest {

    @Test
    void should_store_only_the_hash_and_the_first_characters_of_the_token() {
        GatewayKey.Issued issued = GatewayKey.issue("ci", new SecureRandom());

        assertThat(issued.token()).startsWith(GatewayKey.TOKEN_PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.key().tokenHash())
                .isEqualTo(GatewayKey.hash(issued.token()))
                .hasSize(64);
        assertThat(issued.token()).startsWith(issued.key().tokenStart());
        assertThat(issued.key().toString())
                .doesNotContain(issued.token())
                .doesNotContain(issued.key().tokenHash());
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void should_open_only_the_allowed_models_and_nothing_once_revoked() {
        GatewayKey.Issued issued = GatewayKey.issue("ci", new SecureRandom());
        GatewayKey key = issued.key();
        key.allowModels(List.of("gpt-4o-mini"));

        assertThat(key.allows(issued.token(), "gpt-4o-mini")).isTrue();
        assertThat(key.allows(issued.token(), "gpt-4o")).isFalse();
        assertThat(key.allows(issued.token() + "x", "gpt-4o-mini")).isFalse();

        key.revoke();

        assertThat(key.allows(issued.token(), "gpt-4o-mini")).isFalse();
        assertThat(key.revokedAt()).isNotNull();
    }

    @Test
    void should_open_every_model_when_no_model_is_listed() {
        GatewayKey.Issued issued = GatewayKey.issue("ci", new SecureRandom());

        assertThat(issued.key().allows(issued.token(), "anything")).isTrue();
        assertThat(issued.key().allowedModels()).isEmpty();
    }

    @Test
    void should_match_only_its_own_token_and_nothing_once_revoked() {
        GatewayKey.Issued issued = GatewayKey.issue("ci", new SecureRandom());
        GatewayKey key = issued.key();
        key.allowModels(List.of("gpt-4o-mini"));

        assertThat(key.matches(issued.token())).isTrue();
        assertThat(key.matches(issued.token() + "x")).isFalse();
        assertThat(key.matches(null)).isFalse();

        key.revoke();

        assertThat(key.matches(issued.token())).isFalse();
    }

    @Test
    void should_stop_matching_the_old_token_when_a_new_one_is_generated() {
        GatewayKey.Issued issued = GatewayKey.issue("ci", new SecureRandom());
        GatewayKey key = issued.key();

        String token = key.regenerate(new SecureRandom());

        assertThat(token).startsWith(GatewayKey.TOKEN_PREFIX).isNotEqualTo(issued.token());
        assertThat(key.matches(issued.token())).isFalse();
        assertThat(key.matches(token)).isTrue();
        assertThat(token).startsWith(key.tokenStart());
    }

    @Test
    void should_refuse_a_new_token_for_a_revoked_key() {
        GatewayKey key = GatewayKey.issue("ci", new SecureRandom()).key();
        key.revoke();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> key.regenerate(new SecureRandom()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_stop_matching_once_the_expiry_has_passed() {
        GatewayKey.Issued issued = GatewayKey.issue("ci", new SecureRandom());
        GatewayKey key = issued.key();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        key.expireAt(now.plusHours(1));
        assertThat(key.matches(issued.token())).isTrue();
        assertThat(key.expiredAt(now.plusHours(1))).isTrue();

        key.expireAt(now.minusSeconds(1));
        assertThat(key.matches(issued.token())).isFalse();

        key.expireAt(null);
        assertThat(key.matches(issued.token())).isTrue();
    }
}
