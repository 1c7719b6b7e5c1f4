package io.llmadmin.web.console;

import io.llmadmin.web.security.ConsoleAndApiAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/** Who is signed in to the console (the header shows name and role), and signing out. */
@Named("signedIn")
@RequestScoped
public class SignedInUser {

    private final SecurityContext security;

    @Inject
    public SignedInUser(SecurityContext security) {
        this.security = security;
    }

    /** For the CDI proxy only. */
    protected SignedInUser() {
        this(null);
    }

    public String getName() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? "" : caller.getName();
    }

    /** {@code admin}, {@code viewer}, or empty when no one is signed in. */
    public String getRole() {
        if (security.isCallerInRole("admin")) {
            return "admin";
        }
        return security.isCallerInRole("viewer") ? "viewer" : "";
    }

    public boolean isAdmin() {
        return security.isCallerInRole("admin");
    }

    /**
     * Whether the signed-in user may change things (is an admin); if not, says {@code refusal} on the page. Every
     * console action checks it again, whatever the page showed.
     */
    public boolean mayChange(String refusal) {
        if (isAdmin()) {
            return true;
        }
        ConsoleMessages.error(refusal);
        return false;
    }

    /** Ends the console session and shows the sign-in page. */
    public String signOut() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (ServletException e) {
            // The session is invalidated below whatever the container says: that alone signs the user out.
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + ConsoleAndApiAuthentication.SIGN_IN_PAGE);
        faces.responseComplete();
        return null;
    }
}
