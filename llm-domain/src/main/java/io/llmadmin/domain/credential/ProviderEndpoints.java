package io.llmadmin.domain.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a provider's secret may go. Each provider with a public service has one official endpoint; a credential is
 * bound to an endpoint (that one by default), and a secret is sent only to a model whose endpoint is the credential's:
 * same scheme, host and port, and a path at or below the credential's. OpenAI-compatible servers ({@code other}) have
 * no official endpoint, so their credentials always name one.
 *
 * <p>The call path's own table of default base URLs (the LLM service's provider routes) must agree with this one; a
 * test there says so.
 */
public final class ProviderEndpoints {

    private static final Map<String, String> OFFICIAL = Map.ofEntries(
            Map.entry("openai", "https://api.openai.com/v1"),
            Map.entry("anthropic", "https://api.anthropic.com/v1"),
            Map.entry("gemini", "https://generativelanguage.googleapis.com/v1beta"),
            Map.entry("google", "https://generativelanguage.googleapis.com/v1beta"),
            Map.entry("mistral", "https://api.mistral.ai/v1"),
            Map.entry("mistralai", "https://api.mistral.ai/v1"),
            Map.entry("ollama", "http://localhost:11434"),
            Map.entry("deepseek", "https://api.deepseek.com/v1"),
            Map.entry("qwen", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
            Map.entry("dashscope", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
            Map.entry("openrouter", "https://openrouter.ai/api/v1"),
            Map.entry("groq", "https://api.groq.com/openai/v1"),
            Map.entry("vllm", "http://localhost:8000/v1"));

    private ProviderEndpoints() {}

    /** The provider's official endpoint (case-insensitive id), or empty for self-hosted and unknown providers. */
    public static Optional<String> official(String provider) {
        return provider == null
                ? Optional.empty()
                : Optional.ofNullable(OFFICIAL.get(provider.trim().toLowerCase(Locale.ROOT)));
    }

    /** Where a model with this provider and api base is called: its api base, else the official endpoint. */
    public static Optional<String> effective(String provider, String apiBase) {
        if (apiBase != null && !apiBase.isBlank()) {
            return Optional.of(apiBase.trim());
        }
        return official(provider);
    }

    /**
     * Whether a secret bound to {@code credentialEndpoint} may be sent to {@code target}: same scheme, host and port
     * (default ports made explicit), and the target's path is the credential's or below it. Either one unparsable or
     * null: false.
     */
    public static boolean allows(String credentialEndpoint, String target) {
        Optional<Parsed> bound = parse(credentialEndpoint);
        Optional<Parsed> called = parse(target);
        if (bound.isEmpty() || called.isEmpty()) {
            return false;
        }
        Parsed b = bound.get();
        Parsed c = called.get();
        return b.origin().equals(c.origin())
                && (c.path().equals(b.path()) || c.path().startsWith(b.path() + "/"));
    }

    /**
     * The origin of a URL ({@code https://host:443}), for messages: never a user-info part, a query or a path.
     *
     * @return the origin, or {@code "an invalid address"} when it cannot be parsed
     */
    public static String origin(String url) {
        return parse(url).map(Parsed::origin).orElse("an invalid address");
    }

    /**
     * Whether a URL is one a credential may be bound to: http(s), a host, no user-info, no query or fragment.
     *
     * @return the problem, or empty when it is fine
     */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > ApiCredential.MAX_BASE_URL_LENGTH) {
            return Optional.of("must be at most " + ApiCredential.MAX_BASE_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.of("must not carry credentials, a query or a fragment");
            }
        } catch (URISyntaxException e) {
            return Optional.of("must be an http or https URL with a host");
        }
        return parse(url).isPresent() ? Optional.empty() : Optional.of("must be an http or https URL with a host");
    }

    private static Optional<Parsed> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            String path = uri.getPath() == null ? "" : uri.getPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return Optional.of(new Parsed(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port, path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private record Parsed(String origin, String path) {}
}
