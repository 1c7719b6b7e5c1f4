package io.llmadmin.web.security;

import io.llmadmin.services.users.ConsoleUsers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the user {@code admin} at the first start, once the schema exists: with the password from
 * {@code LLMADMIN_ADMIN_PASSWORD}, or a random one written once to the log. Later starts change nothing.
 */
@ApplicationScoped
public class InitialAdmin {

    /** After the schema migration, which observes the same event at the default priority. */
    static final int AFTER_SCHEMA_MIGRATION = Interceptor.Priority.APPLICATION + 1000;

    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());

    private final ConsoleUsers users;
    private final Optional<String> configuredPassword;

    @Inject
    public InitialAdmin(
            ConsoleUsers users, @ConfigProperty(name = "LLMADMIN_ADMIN_PASSWORD") Optional<String> configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    /** For the CDI proxy only. */
    protected InitialAdmin() {
        this.users = null;
        this.configuredPassword = Optional.empty();
    }

    void createOnFirstStart(
            @Observes @Priority(AFTER_SCHEMA_MIGRATION) @Initialized(ApplicationScoped.class) Object starting) {
        if (configuredPassword.filter(password -> !password.isBlank()).isPresent()
                && configuredPassword.get().length() < ConsoleUsers.MIN_PASSWORD_LENGTH) {
            LOG.warning(() -> "LLMADMIN_ADMIN_PASSWORD is shorter than " + ConsoleUsers.MIN_PASSWORD_LENGTH
                    + " characters, the minimum for passwords set later");
        }
        Optional<String> generated = users.ensureInitialAdmin(configuredPassword);
        // The one deliberate exception to "no secrets in logs": with no LLMADMIN_ADMIN_PASSWORD set, the generated
        // first password must reach the operator somehow, and this line, written once on the first start, is it.
        // Change it at once (PUT /api/admin/me/password).
        generated.ifPresent(password -> LOG.warning("Created user 'admin' with the generated password " + password
                + " ; sign in and change it now (PUT /api/admin/me/password), or set LLMADMIN_ADMIN_PASSWORD before"
                + " the first start"));
    }
}
