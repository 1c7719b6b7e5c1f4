package it.llmadmin.hardening;

import it.llmadmin.ServerUnderTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway key's tokens-per-minute limits hold exactly through the running server with its limiter in Redis (finding
 * 4: without {@code max_tokens}, 200 concurrent calls against 100 input / 20 output tokens per minute used up to 180 /
 * 72). The IT server runs with {@code REDIS_URL}, so this is the limiter through Redis; {@link InProcessTokenLimitsIT}
 * runs the same {@link TokenLimitsScenario} on a server without Redis.
 */
class GatewayKeyTokenLimitsIT {

    private static TokenLimitsScenario scenario;

    @BeforeAll
    static void startTheProviderAndCreateItsModel() throws IOException {
        scenario = new TokenLimitsScenario(ServerUnderTest::uri);
    }

    @AfterAll
    static void deleteTheModelAndStopTheProvider() {
        if (scenario != null) {
            scenario.close();
        }
    }

    @Test
    void should_not_overshoot_a_keys_token_limits_with_max_tokens() throws Exception {
        scenario.assertNoOvershootOfANewKey(2);
    }

    @Test
    void should_not_overshoot_a_keys_token_limits_without_max_tokens() throws Exception {
        scenario.assertNoOvershootOfANewKey(null);
    }
}
