package io.llmadmin.web.gateway;

import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who calls the gateway: the gateway key of the {@code Authorization: Bearer llmk_...} header. The console's users do
 * not open it (HTTP Basic is "no key" here), and no key, an unknown, revoked or expired one is the same 401.
 */
@ApplicationScoped
public class GatewayAuthentication {

    private final GatewayKeys keys;

    @Inject
    public GatewayAuthentication(GatewayKeys keys) {
        this.keys = keys;
    }

    /** For the CDI proxy only. */
    protected GatewayAuthentication() {
        this(null);
    }

    /**
     * The active key the header presents.
     *
     * @throws OpenAiException a 401 when there is none
     */
    public GatewayKeyView require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw OpenAiException.unauthenticated(
                    "You didn't provide an API key. Send a gateway key as 'Authorization: Bearer llmk_...'.");
        }
        String token = authorization.substring(7).strip();
        return keys.authenticate(token)
                .orElseThrow(() -> OpenAiException.unauthenticated(
                        "Incorrect API key provided; the key is unknown, revoked or expired."));
    }

    /**
     * The key, when it may use this model.
     *
     * @throws OpenAiException a 404 (as for a model that does not exist) when it may not
     */
    public static void requireModel(GatewayKeyView key, String model) {
        if (!key.allowsModel(model)) {
            throw OpenAiException.modelNotFound(model);
        }
    }
}
