package io.llmadmin.services.llm;

import io.llmadmin.services.errors.InvalidLlmRequestException;
import java.util.Arrays;
import java.util.Locale;

/** Who said a message of a conversation. */
public enum ChatRole {
    SYSTEM,
    USER,
    ASSISTANT,
    TOOL;

    /** The lower-case name used on the wire and in storage ({@code user}, {@code assistant}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role name, ignoring case.
     *
     * @throws InvalidLlmRequestException naming {@code role} and the valid roles when the name is none of them
     */
    public static ChatRole fromWireName(String name) {
        if (name != null) {
            for (ChatRole role : values()) {
                if (role.name().equalsIgnoreCase(name.trim())) {
                    return role;
                }
            }
        }
        throw new InvalidLlmRequestException(
                "role",
                "role must be one of "
                        + Arrays.stream(values()).map(ChatRole::wireName).toList() + ", was '" + name + "'");
    }
}
