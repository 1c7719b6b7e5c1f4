package io.llmadmin.web.security;

import io.llmadmin.services.users.ConsoleUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks a user name and password against the console users in the database; the user's role ({@code admin} or
 * {@code viewer}) becomes their group, which maps to the security role of the same name.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    private final ConsoleUsers users;

    @Inject
    public ConsoleIdentityStore(ConsoleUsers users) {
        this.users = users;
    }

    /** For the CDI proxy only. */
    protected ConsoleIdentityStore() {
        this(null);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = password.getCaller();
        return users.authenticate(username, password.getPasswordAsString())
                .map(role -> new CredentialValidationResult(username, Set.of(role.roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
