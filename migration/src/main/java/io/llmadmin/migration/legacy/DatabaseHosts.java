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

    /** The configured hosts, for an error message. */
    public String describe() {
        return configured.isEmpty()
                ? "loopback only"
                : "loopback and "
                        + String.join(", ", configured.stream().sorted().toList());
    }
}
