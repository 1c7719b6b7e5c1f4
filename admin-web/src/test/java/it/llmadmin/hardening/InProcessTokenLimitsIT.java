package it.llmadmin.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ItPasses;
import it.llmadmin.SecondServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A gateway key's tokens-per-minute limits hold exactly through a running server whose limiter is in process: the ITs'
 * second server started without Redis ({@link SecondServer#withoutRedis()}, as an operator runs one instance without
 * {@code REDIS_URL}), the same {@link TokenLimitsScenario} as {@link GatewayKeyTokenLimitsIT} runs through Redis. The
 * restart without Redis costs a Liberty start per run, once: {@code LastClassOrderer} runs this IT after every IT that
 * needs the second server with Redis on its own database, and before those on the IT server's database.
 */
@Tag(ItPasses.DATABASE_INDEPENDENT)
class InProcessTokenLimitsIT {

    private static SecondServer server;
    private static TokenLimitsScenario scenario;

    @BeforeAll
    static void startTheSecondServerWithoutRedis() throws IOException {
        server = SecondServer.withoutRedis();
        scenario = new TokenLimitsScenario(server::uri);
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

        assertThatTheLimiterWasInProcess();
    }

    @Test
    void should_not_overshoot_a_keys_token_limits_without_max_tokens() throws Exception {
        scenario.assertNoOvershootOfANewKey(null);

        assertThatTheLimiterWasInProcess();
    }

    /** What the server said when it made its limiter (on the first call that needed one), since this start. */
    private static void assertThatTheLimiterWasInProcess() throws IOException {
        String log = Files.readString(server.logs().resolve("messages.log"), StandardCharsets.UTF_8);
        assertThat(log)
                .contains("Rate limits are kept in this instance's memory")
                .doesNotContain("Rate limits are shared by every instance through Redis");
    }
}
