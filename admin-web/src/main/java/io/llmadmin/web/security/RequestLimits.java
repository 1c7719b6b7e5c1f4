package io.llmadmin.web.security;

import java.util.Locale;

/**
 * How large a request body each endpoint accepts. Generous for what each endpoint is for, and far below what a single
 * request could otherwise make the server hold (10 MB on every endpoint drove the JVM to 2.9 GB under load).
 */
final class RequestLimits {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;

    /** Chat completions carry images as data URLs. */
    static final long CHAT_COMPLETIONS = 16 * MIB;
    /** Embeddings: arrays of texts. */
    static final long GATEWAY = 2 * MIB;
    /** Fixtures and settings files of the legacy importer. */
    static final long IMPORTS = 32 * MIB;
    /** Models, users, keys: a few KB each. */
    static final long ADMIN_API = 256 * KIB;
    /** The console's migration page uploads a zip of up to 50 MB (web.xml's multipart-config). */
    static final long CONSOLE_UPLOAD = 53_477_376;
    /** Console forms. */
    static final long CONSOLE_FORM = 1 * MIB;
    /** Everything else takes no body worth the name. */
    static final long OTHER = 64 * KIB;

    private RequestLimits() {}

    static long limitFor(String path, String contentType) {
        if (path.startsWith("/openai/v1/chat/completions") || path.startsWith("/console/api/playground/")) {
            return CHAT_COMPLETIONS;
        }
        if (path.startsWith("/openai/")) {
            return GATEWAY;
        }
        if (path.startsWith("/api/admin/imports")) {
            return IMPORTS;
        }
        if (path.startsWith("/api/")) {
            return ADMIN_API;
        }
        if (path.endsWith(".xhtml")) {
            boolean multipart =
                    contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
            return multipart ? CONSOLE_UPLOAD : CONSOLE_FORM;
        }
        return OTHER;
    }

    /** The JSON APIs, whose bodies are read whole, as UTF-8. */
    static boolean isJsonApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/openai/") || path.startsWith("/console/api/");
    }
}
