package io.llmadmin.web.admin;

import io.llmadmin.domain.users.ConsoleUser;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/** A console user as the API shows it: never a password or its hash. */
@JsonbPropertyOrder({"username", "role", "passwordChangedAt", "createdAt", "version"})
public record UserResponse(
        String username, String role, OffsetDateTime passwordChangedAt, OffsetDateTime createdAt, long version) {

    static UserResponse of(ConsoleUser user) {
        return new UserResponse(
                user.username(), user.role().roleName(), user.passwordChangedAt(), user.createdAt(), user.version());
    }
}
