package io.llmadmin.domain.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who said a message of a session. Stored by name; validated here (no database CHECK on enum columns). */
public enum MessageRole {
    SYSTEM,
    USER,
    ASSISTANT,
    TOOL;

    /** The lower-case wire name ({@code user}, {@code assistant}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire name, for messages that list the valid roles. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(MessageRole::wireName).toList();
    }

    /** Parses a wire name, ignoring case; empty when the text names no role. */
    public static Optional<MessageRole> fromWireName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(text.trim()))
                .findFirst();
    }
}
