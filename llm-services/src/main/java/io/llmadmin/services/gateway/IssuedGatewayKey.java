package io.llmadmin.services.gateway;

/**
 * A key just issued and its token: the only time the token is known to the server.
 *
 * @param key the key as stored
 * @param token the token to hand to the client once
 */
public record IssuedGatewayKey(GatewayKeyView key, String token) {

    /** Never shows the token. */
    @Override
    public String toString() {
        return "IssuedGatewayKey[" + key.name() + ", " + key.tokenStart() + "...]";
    }
}
