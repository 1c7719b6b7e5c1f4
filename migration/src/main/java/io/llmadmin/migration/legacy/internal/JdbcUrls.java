package io.llmadmin.migration.legacy.internal;

/** JDBC URLs as they may be shown and recorded: without user info or query parameters, where passwords hide. */
public final class JdbcUrls {

    private JdbcUrls() {}

    /**
     * {@code jdbc:postgresql://u:p@db:5432/legacy?password=x} becomes {@code jdbc:postgresql://db:5432/legacy}; a
     * semicolon-separated property list ({@code jdbc:h2:./data;PASSWORD=x}) is cut too.
     */
    public static String withoutCredentials(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("JDBC URL must not be blank");
        }
        String url = jdbcUrl.trim();
        int query = indexOfAny(url, '?', ';');
        if (query >= 0) {
            url = url.substring(0, query);
        }
        int scheme = url.indexOf("//");
        if (scheme >= 0) {
            int hostStart = scheme + 2;
            int pathStart = url.indexOf('/', hostStart);
            int at = url.lastIndexOf('@', pathStart < 0 ? url.length() : pathStart);
            if (at >= hostStart) {
                url = url.substring(0, hostStart) + url.substring(at + 1);
            }
        }
        return url;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
