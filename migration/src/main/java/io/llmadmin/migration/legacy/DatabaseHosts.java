package io.llmadmin.migration.legacy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database hosts the server may connect to for an import, so that the import endpoint cannot be used to probe the
 * network: loopback always, plus the hosts an operator configured by name or address. A host that is not configured is
 * allowed only when every address it resolves to is a loopback address (a name that resolves elsewhere is refused,
 * whatever it is called).
 */
public final class DatabaseHosts {

    private final Set<String> configured;

    private DatabaseHosts(Set<String> configured) {
        this.configured = configured;
    }

    /** Loopback plus the comma-separated hosts given (blank: loopback only). */
    public static DatabaseHosts loopbackAnd(String commaSeparated) {
        Set<String> hosts = commaSeparated == null
                ? Set.of()
                : Arrays.stream(commaSeparated.split(","))
                        .map(host -> host.trim().toLowerCase(Locale.ROOT))
                        .filter(host -> !host.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new DatabaseHosts(hosts);
    }

    /** Whether the server may connect to this host. */
    public boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (configured.contains(name)) {
            return true;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(name);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /**
     * Checks every host a JDBC URL names (a PostgreSQL or MariaDB URL may name several, comma-separated), so the
     * command line holds a database URL to the same rule as the server. A SQLite URL names a local file, not a host.
     *
     * @throws IllegalArgumentException naming the refused host (never quoting the URL, which may hold a password)
     */
    public void requireAllowed(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("a JDBC URL of the Django database is required");
        }
        String url = jdbcUrl.trim();
        if (url.startsWith(DjangoConnection.Engine.SQLITE.prefix())) {
            return;
        }
        int authority = url.indexOf("//");
        if (!url.startsWith("jdbc:") || authority < 0) {
            throw new IllegalArgumentException(
                    "the database URL must name its host (jdbc:postgresql://HOST[:PORT]/DATABASE, jdbc:mariadb://...)");
        }
        String hosts = url.substring(authority + 2).split("[/?;]", 2)[0];
        hosts = hosts.substring(hosts.lastIndexOf('@') + 1);
        for (String hostAndPort : hosts.split(",")) {
            String host = hostOf(hostAndPort.trim());
            if (!allows(host)) {
                throw new IllegalArgumentException("the database host '" + host + "' is not one the import may connect"
                        + " to (" + describe() + "); add it to LLMADMIN_IMPORT_DATABASE_HOSTS");
            }
        }
    }

    private static String hostOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(1, end);
        }
        int colon = hostAndPort.indexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /** The configured hosts, for an error message. */
    public String describe() {
        return configured.isEmpty()
                ? "loopback only"
                : "loopback and "
                        + String.join(", ", configured.stream().sorted().toList());
    }
}
