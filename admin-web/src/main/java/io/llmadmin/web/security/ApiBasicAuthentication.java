package io.llmadmin.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic over the console users ({@link ConsoleIdentityStore}): what {@code @BasicAuthenticationMechanismDefinition}
 * declares, written out so that a malformed header or a non-Basic scheme (the gateway's bearer tokens) is simply
 * "no credentials" and the challenge carries the charset. Only paths that web.xml protects ({@code /api/admin/*}) ask
 * for credentials; everywhere else a request without them, or with wrong ones, passes on anonymously. The 401's JSON
 * body is the web.xml error page ({@link SecurityErrorServlet}).
 */
@ApplicationScoped
@DeclareRoles({"admin", "viewer"})
public class ApiBasicAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "llm-admin";

    private final IdentityStoreHandler identityStores;

    @Inject
    public ApiBasicAuthentication(IdentityStoreHandler identityStores) {
        this.identityStores = identityStores;
    }

    /** For the CDI proxy only. */
    protected ApiBasicAuthentication() {
        this(null);
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        UsernamePasswordCredential credential = credentialOf(request.getHeader("Authorization"));
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        // The body is the container's error page for 401 (web.xml -> SecurityErrorServlet): Liberty renders it after a
        // SEND_FAILURE whatever this mechanism writes, so writing one here would send two.
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    /** The user name and password of a {@code Basic} header, or null when there is none or it is malformed. */
    static UsernamePasswordCredential credentialOf(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
