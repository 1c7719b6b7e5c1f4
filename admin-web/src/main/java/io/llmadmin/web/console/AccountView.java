package io.llmadmin.web.console;

import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.users.ConsoleUsers;
import io.llmadmin.web.security.ConsoleAndApiAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.util.Map;

/**
 * The account page ({@code /console/account.xhtml}, everyone signed in): changing one's own password. The change goes
 * through {@link ConsoleUsers}, which signs out every other session of the user (their sign-in predates the change);
 * this session signs in again with the new password, so it stays signed in under a new session id.
 */
@Named("account")
@RequestScoped
public class AccountView {

    static final Map<String, String> INPUTS = Map.of(
            "currentPassword", "passwordForm:currentPassword",
            "newPassword", "passwordForm:newPassword");

    private final ConsoleUsers users;
    private final SignedInUser signedIn;
    private final SecurityContext security;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;
    private String changed;

    @Inject
    public AccountView(ConsoleUsers users, SignedInUser signedIn, SecurityContext security) {
        this.users = users;
        this.signedIn = signedIn;
        this.security = security;
    }

    /** For the CDI proxy only. */
    protected AccountView() {
        this(null, null, null);
    }

    /** After a change ({@code ?changed=true}): says so. */
    public void announceChanged() {
        if ("true".equals(changed)) {
            ConsoleMessages.info("Your password was changed; your other sessions are signed out.");
        }
    }

    public String changePassword() throws IOException {
        String username = signedIn.getName();
        if (newPassword == null || !newPassword.equals(repeatedPassword)) {
            ConsoleMessages.fieldError("passwordForm:repeatedPassword", "does not match the new password");
            clear();
            return null;
        }
        try {
            users.changeOwnPassword(username, currentPassword, newPassword);
        } catch (InvalidChangeException e) {
            ConsoleMessages.fieldErrors(e.fieldErrors(), INPUTS);
            clear();
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = SignIn.authenticate(security, external, username, newPassword);
        clear();
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/console/account.xhtml?changed=true");
        } else {
            // Cannot happen with the password just set; if it does, the user signs in again.
            external.redirect(external.getRequestContextPath() + ConsoleAndApiAuthentication.SIGN_IN_PAGE);
        }
        faces.responseComplete();
        return null;
    }

    private void clear() {
        currentPassword = null;
        newPassword = null;
        repeatedPassword = null;
    }

    public int getMinimumLength() {
        return ConsoleUsers.MIN_PASSWORD_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }

    public String getChanged() {
        return changed;
    }

    public void setChanged(String changed) {
        this.changed = changed;
    }
}
