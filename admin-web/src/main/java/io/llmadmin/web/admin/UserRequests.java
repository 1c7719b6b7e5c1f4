package io.llmadmin.web.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The bodies the user endpoints accept. Passwords are checked for length by the service. */
public final class UserRequests {

    private UserRequests() {}

    /** A new user. */
    public record NewUser(
            @NotBlank String username,
            @NotNull String password,

            @NotNull(message = "must be one of admin, viewer")
            String role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    /** A role change. */
    public record RoleChange(
            @NotNull(message = "must be one of admin, viewer")
            String role,

            Long version) {}

    /** An admin setting someone's password. */
    public record PasswordReset(@NotNull String password) {
        @Override
        public String toString() {
            return "PasswordReset[****]";
        }
    }

    /** A user changing their own password. */
    public record PasswordChange(
            @NotNull String currentPassword, @NotNull String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }
}
