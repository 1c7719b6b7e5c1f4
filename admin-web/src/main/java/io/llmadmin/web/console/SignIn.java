package io.llmadmin.web.console;

import io.llmadmin.web.security.ConsoleAndApiAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-in page ({@code /login.xhtml}): hands the user name and password to Jakarta Security, which checks them and
 * starts the console session ({@link ConsoleAndApiAuthentication}), then goes to the page that was asked for.
 */
@Named("signIn")
@RequestScoped
public class SignIn {

    /** The one message for an unknown user and a wrong password alike: it must not tell which. */
    static final String FAILED = "Wrong user name or password.";

    /** After too many failures in a row: no password is checked until the lock ends. */
    static final String LOCKED = "Too many failed sign-ins. Try again in %s seconds.";

    private final SecurityContext security;

    private String username;
    private String password;
    private String next;

    @Inject
    public SignIn(SecurityContext security) {
        this.security = security;
    }

    /** For the CDI proxy only. */
    protected SignIn() {
        this(null);
    }

    public String signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = authenticate(security, external, username, password);
        password = null;
        switch (status) {
            case SUCCESS -> {
                external.redirect(external.getRequestContextPath() + ConsoleAndApiAuthentication.safeNext(getNext()));
                faces.responseComplete();
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                external.setResponseStatus(HttpServletResponse.SC_OK);
                Object locked = external.getRequestMap().get(ConsoleAndApiAuthentication.LOCKED_SECONDS);
                String message = locked == null ? FAILED : String.format(LOCKED, locked);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
                faces.validationFailed();
            }
        }
        return null;
    }

    /** Signs this request's session in afresh with these credentials (the sign-in form, a changed password). */
    static AuthenticationStatus authenticate(
            SecurityContext security, ExternalContext external, String username, String password) {
        return security.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The console page to go to after signing in: the sign-in page's {@code next} parameter, carried in the form. */
    public String getNext() {
        if (next == null) {
            next = FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestParameterMap()
                    .get(ConsoleAndApiAuthentication.NEXT_PARAMETER);
        }
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
