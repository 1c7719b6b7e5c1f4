package it.llmadmin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.logging.Logger;

/**
 * What an IT does when something it needs outside the server (Redis, Chromium) is missing: skip loudly, or fail when
 * {@code LLMADMIN_REQUIRE_SERVICES=true} (as in CI), where a skipped test would hide a broken machine.
 */
public final class MissingService {

    private static final Logger LOG = Logger.getLogger(MissingService.class.getName());

    private MissingService() {}

    /** Skips the test with a loud {@code SKIPPED:} message, or throws when services are required. */
    public static void skipOrFail(String message, Throwable cause) {
        String required = System.getenv("LLMADMIN_REQUIRE_SERVICES");
        if (Boolean.parseBoolean(required == null ? "false" : required.trim())) {
            throw new IllegalStateException(message + " and LLMADMIN_REQUIRE_SERVICES=true", cause);
        }
        LOG.severe(() -> "SKIPPED: " + message);
        assumeTrue(false, "SKIPPED: " + message);
    }
}
