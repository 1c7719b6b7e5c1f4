package io.llmadmin.web.gateway;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import java.util.Optional;

/**
 * Who a gateway call is made for: the gateway key of an application, or a console admin trying a model in the
 * playground. Both go through the same request reading, catalog check, model limits, credential and usage recording;
 * only a key brings an allow-list and limits of its own.
 *
 * @param name recorded with every call ({@code gateway:<key name>} or {@code console:<user>})
 * @param key the key, or empty for a console admin
 */
public record GatewayCaller(String name, Optional<GatewayKeyView> key) {

    /** The header naming the key's own per-minute limits, so the playground can show the limits that applied. */
    public static final String KEY_LIMITS = "X-LLM-Admin-Key-Limits";

    public static GatewayCaller of(GatewayKeyView key) {
        return new GatewayCaller(key.caller(), Optional.of(key));
    }

    /** A signed-in console admin: no allow-list and no key limits, the model's own limits still apply. */
    public static GatewayCaller consoleAdmin(String username) {
        return new GatewayCaller("console:" + username, Optional.empty());
    }

    /**
     * Refuses a model the key may not use.
     *
     * @throws OpenAiException a 404 (as for a model that does not exist)
     */
    void requireModel(String model) {
        key.ifPresent(view -> GatewayAuthentication.requireModel(view, model));
    }

    /** The key's limits as {@code requests=10/min, input-tokens=none, ...}, or empty without a key. */
    Optional<String> describedLimits() {
        return key.map(view -> {
            GatewayKeyLimits limits = view.limits();
            return "requests=" + perMinute(limits.requestsPerMinute())
                    + ", input-tokens=" + perMinute(limits.inputTokensPerMinute())
                    + ", output-tokens=" + perMinute(limits.outputTokensPerMinute());
        });
    }

    private static String perMinute(int limit) {
        return limit <= 0 ? "none" : limit + "/min";
    }
}
