package io.llmadmin.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
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
}
