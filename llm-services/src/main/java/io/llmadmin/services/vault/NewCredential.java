package io.llmadmin.services.vault;

import java.util.List;

/**
 * A credential as an admin describes it.
 *
 * @param provider a known provider id
 * @param label its name, unique per provider
 * @param baseUrl the endpoint its secrets may be sent to; null or empty for the provider's official endpoint (required
 *     for providers without one, such as {@code other})
 * @param secrets one or more secrets, used in turn
 */
public record NewCredential(String provider, String label, String baseUrl, List<String> secrets) {

    public NewCredential {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
}
