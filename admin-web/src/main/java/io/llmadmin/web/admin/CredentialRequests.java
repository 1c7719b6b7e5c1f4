package io.llmadmin.web.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies {@code /api/admin/credentials} accepts. Secrets are write-only: no answer ever carries one. */
public final class CredentialRequests {

    private CredentialRequests() {}

    /**
     * A new credential.
     *
     * @param name unique per provider, 1 to 100 characters
     * @param provider a known provider id
     * @param baseUrl the endpoint its secrets may be sent to; absent for the provider's official endpoint (required for
     *     OpenAI-compatible servers, {@code other})
     * @param secret its secret; or
     * @param secrets several, used in turn
     */
    public record NewCredential(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String provider,
            @Size(max = 500) String baseUrl,
            String secret,
            @Size(max = 10) List<String> secrets) {}

    /** One secret, to add or to replace every secret with. */
    public record Secret(@NotBlank String secret) {}

    /** The endpoint for a credential that has none yet. */
    public record Endpoint(@NotBlank @Size(max = 500) String baseUrl) {}
}
