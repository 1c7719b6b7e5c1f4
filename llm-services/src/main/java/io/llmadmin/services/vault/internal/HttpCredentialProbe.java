package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ProviderEndpoints;
import io.llmadmin.services.vault.CredentialCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Tests a secret with the cheapest authenticated call a provider has: listing its models ({@code GET <base>/models}),
 * with the provider's own header. The answer is ours, built from the status alone: a provider's error text may quote
 * the key, so it is never passed on. Redirects are not followed, so the secret goes to the credential's host only.
 */
final class HttpCredentialProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    CredentialCheck probe(String provider, String baseUrl, String secret) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/models"))
                .timeout(TIMEOUT)
                .GET();
        switch (provider.toLowerCase(Locale.ROOT)) {
            case "anthropic" -> request.header("x-api-key", secret).header("anthropic-version", "2023-06-01");
            case "gemini", "google" -> request.header("x-goog-api-key", secret);
            default -> request.header("Authorization", "Bearer " + secret);
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return outcome(status, ProviderEndpoints.origin(baseUrl));
        } catch (IOException e) {
            return new CredentialCheck(
                    false,
                    0,
                    "Could not reach " + ProviderEndpoints.origin(baseUrl) + " ("
                            + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CredentialCheck(
                    false, 0, "Interrupted before " + ProviderEndpoints.origin(baseUrl) + " answered");
        }
    }

    static CredentialCheck outcome(int status, String origin) {
        if (status >= 200 && status < 300) {
            return new CredentialCheck(true, status, origin + " accepted the credential");
        }
        String message = switch (status) {
            case 401, 403 -> origin + " refused the credential (HTTP " + status + ")";
            case 404 -> origin + " has no model list at this base URL (HTTP 404); check the base URL";
            case 429 -> origin + " is rate limiting (HTTP 429); the credential itself may be fine";
            default -> status >= 500 ? origin + " failed (HTTP " + status + ")" : origin + " answered HTTP " + status;
        };
        return new CredentialCheck(false, status, message);
    }
}
