package io.llmadmin.services.ollama.internal;

import io.llmadmin.services.changes.InvalidChangeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Ollama servers llm-admin may call. An endpoint is an http(s) base URL with no path, query or user info; it is
 * allowed when it is in use (the default, a configured one, a catalog model's api base) or its host is a loopback
 * literal ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}). Names are not resolved: an admin-supplied endpoint
 * must never make the server probe the network, and a DNS answer could point anywhere.
 */
final class OllamaEndpoints {

    static final String DEFAULT = "http://localhost:11434";

    private OllamaEndpoints() {}

    /** The endpoint as a canonical base URL (no trailing slash), or an error naming {@code field}. */
    static String normalize(String field, String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return DEFAULT;
        }
        String trimmed = endpoint.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidChangeException(field, "must be an http(s) URL such as " + DEFAULT);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            throw new InvalidChangeException(
                    field, "must be an http(s) base URL without path, query or user info, such as " + DEFAULT);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The canonical endpoint a catalog model's api base routes to (the default when it has none). */
    static String ofApiBase(String apiBase) {
        try {
            return normalize("apiBase", apiBase);
        } catch (InvalidChangeException e) {
            return apiBase.trim();
        }
    }

    /**
     * The server an Ollama credential's base URL names ({@code http://gpu-box:11434/} or with an API path such as
     * {@code /api}), or empty when it names none.
     */
    static java.util.Optional<String> ofCredential(String baseUrl) {
        try {
            URI uri = new URI(baseUrl.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(normalize(
                    "baseUrl",
                    uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())));
        } catch (URISyntaxException | InvalidChangeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the server may call this (canonical) endpoint. */
    static boolean allowed(String endpoint, Collection<String> inUse) {
        if (inUse.contains(endpoint)) {
            return true;
        }
        String host = URI.create(endpoint).getHost();
        return isLoopback(host);
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("[::1]")
                || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The configured endpoints ({@code OLLAMA_ENDPOINTS}, comma-separated), canonical; wrong ones are skipped. */
    static Set<String> configured(String commaList) {
        Set<String> endpoints = new TreeSet<>();
        if (commaList == null) {
            return endpoints;
        }
        for (String part : commaList.split(",")) {
            if (!part.isBlank()) {
                try {
                    endpoints.add(normalize("OLLAMA_ENDPOINTS", part));
                } catch (InvalidChangeException ignored) {
                    // a wrong entry is not an endpoint; the others still are
                }
            }
        }
        return endpoints;
    }
}
