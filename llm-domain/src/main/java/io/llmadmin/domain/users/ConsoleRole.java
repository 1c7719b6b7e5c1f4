package io.llmadmin.domain.users;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a console user may do: an admin reads and changes everything, a viewer only reads. */
public enum ConsoleRole {
    ADMIN,
    VIEWER;

    /** The security role name used in constraints and {@code @RolesAllowed}: {@code admin} or {@code viewer}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every {@link #roleName()}, for error messages that list the valid roles. */
    public static List<String> roleNames() {
        return Arrays.stream(values()).map(ConsoleRole::roleName).toList();
    }

    /** Parses a role name, ignoring case; empty when the text names no role. */
    public static Optional<ConsoleRole> fromName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(trimmed))
                .findFirst();
    }
}
