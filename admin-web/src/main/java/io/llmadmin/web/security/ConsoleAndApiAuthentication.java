package io.llmadmin.web.security;

import io.llmadmin.domain.users.ConsoleUser;
import io.llmadmin.services.users.ConsoleUsers;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The application's one Jakarta Security mechanism, for its two kinds of callers (Jakarta Security allows one per
 * application):
 *
 * <ul>
 *   <li><b>The admin API</b> ({@code /api/admin/*}): HTTP Basic over the console users ({@link ConsoleIdentityStore}) on
 *       every request, never a session. A malformed header or another scheme (the gateway's bearer tokens) is simply
 *       "no credentials"; a protected API request without valid ones gets the Basic challenge and the JSON 401 of the
 *       web.xml error page ({@link SecurityErrorServlet}).
 *   <li><b>The web console</b> ({@code /console/*}): a form sign-in on {@code /login.xhtml} calls {@code
 *       SecurityContext.authenticate} with a {@link UsernamePasswordCredential}; on success this mechanism changes the
 *       session id (session fixation) and remembers the user in the HTTP session. Each later console request is
 *       authenticated from the session after looking the user up again: a deleted user, or one whose password changed
 *       since, is signed out at once, and a changed role applies to the very next request. A console request without
 *       a signed-in user is redirected to the sign-in page, which returns to the page asked for.
 * </ul>
 *
 * Paths that web.xml does not protect pass on anonymously (after a valid Basic header, as that user).
 *
 * <p>The class is a little over the project's ~400-line guide because Jakarta Security takes one mechanism per
 * application, so both callers' decisions meet here; what can live apart already does (the identity store, {@link
 * SignInThrottle}, {@link LibertyBasicHeaderAudit}).
 */
@ApplicationScoped
@DeclareRoles({"admin", "viewer"})
public class ConsoleAndApiAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "llm-admin";

    /** The console's sign-in page, relative to the context root. */
    public static final String SIGN_IN_PAGE = "/login.xhtml";

    /** Where a sign-in goes when no (acceptable) page was asked for. */
    public static final String CONSOLE_HOME = "/console/index.xhtml";

    /** The query parameter of the sign-in page that names the page to return to. */
    public static final String NEXT_PARAMETER = "next";

    static final String CONSOLE_PREFIX = "/console/";
    static final String API_PREFIX = "/api/";

    /** The session attribute holding the {@link ConsoleSignIn}. */
    static final String SIGNED_IN = ConsoleSignIn.class.getName();

    /** A page to return to after signing in: a console path, no scheme, host, backslash or dot segment. */
    private static final Pattern SAFE_NEXT = Pattern.compile("/console/[A-Za-z0-9_\\-/]*(\\.xhtml)?(\\?[^#\\\\]*)?");

    /** What this mechanism does with one request. */
    enum Decision {
        /** A form sign-in through {@code SecurityContext.authenticate}: check the credential, start a session. */
        FORM_SIGN_IN,
        /** An {@code Authorization: Basic} header: check it, no session. */
        BASIC,
        /** A console request of a signed-in user: re-check the user, take their current role. */
        SESSION,
        /** A console request without a signed-in user: to the sign-in page. */
        REDIRECT_TO_SIGN_IN,
        /** An API request without valid credentials: 401 with the Basic challenge. */
        CHALLENGE,
        /** Not protected: pass on anonymously. */
        ANONYMOUS
    }

    /** The message info entry that names the realm of Liberty's Basic challenge after a SEND_CONTINUE with a 401. */
    private static final String LIBERTY_CHALLENGE_REALM = "com.ibm.wsspi.security.cred.realm";

    /** Set on a request once its sign-in was counted by the throttle. */
    static final String THROTTLE_COUNTED = ConsoleAndApiAuthentication.class.getName() + ".counted";

    /** The request attribute telling the sign-in page that sign-ins are locked, and for how many seconds. */
    public static final String LOCKED_SECONDS = ConsoleAndApiAuthentication.class.getName() + ".lockedSeconds";

    private final IdentityStoreHandler identityStores;
    private final ConsoleUsers users;
    private final SignInThrottle throttle;

    @Inject
    public ConsoleAndApiAuthentication(
            IdentityStoreHandler identityStores, ConsoleUsers users, SignInThrottle throttle) {
        this.identityStores = identityStores;
        this.users = users;
        this.throttle = throttle;
    }

    /** For the CDI proxy only. */
    protected ConsoleAndApiAuthentication() {
        this(null, null, null);
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = pathOf(request);
        Credential formCredential =
                context.isAuthenticationRequest() ? context.getAuthParameters().getCredential() : null;
        String authorization = request.getHeader("Authorization");
        UsernamePasswordCredential basic = credentialOf(authorization);
        if (LibertyBasicHeaderAudit.wouldFailLiberty(authorization)) {
            LibertyBasicHeaderAudit.keepLibertyFromParsing(
                    request, context.getMessageInfo().getMap());
        }
        if (formCredential == null && basic == null && isBasic(authorization)) {
            // A Basic header that is not Base64 of "user:password" is a client error on every path: a 401, never a
            // guess at what was meant, never a 500.
            // Liberty runs this mechanism again for the 401 error page itself: that one must render, not challenge.
            return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
                    ? malformedBasicHeader(response, context)
                    : context.doNothing();
        }
        Decision decision = decide(
                path, formCredential != null, basic != null, context.isProtected(), hasSessionSignIn(request, path));
        if (decision == Decision.FORM_SIGN_IN) {
            return signIn(formCredential, request, context);
        }
        if (decision == Decision.BASIC) {
            String address = request.getRemoteAddr();
            // Liberty calls this mechanism again for the error page of a refused request: count each request once.
            boolean firstPass = request.getAttribute(THROTTLE_COUNTED) == null;
            request.setAttribute(THROTTLE_COUNTED, Boolean.TRUE);
            Optional<Duration> locked = firstPass ? throttle.lockedFor(basic.getCaller(), address) : Optional.empty();
            if (locked.isPresent()) {
                return tooManyFailures(response, locked.get());
            }
            CredentialValidationResult result = identityStores.validate(basic);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(basic.getCaller(), address);
                return context.notifyContainerAboutLogin(result);
            }
            if (firstPass) {
                throttle.failed(basic.getCaller(), address, "api");
            }
            // Wrong Basic credentials are no credentials: decide again without them.
            decision = decide(path, false, false, context.isProtected(), hasSessionSignIn(request, path));
        }
        if (decision == Decision.SESSION) {
            Optional<Set<String>> roles = currentRoles(signInOf(request));
            if (roles.isPresent()) {
                return context.notifyContainerAboutLogin(signInOf(request).username(), roles.get());
            }
            // Deleted, or the password changed since: this session signs no one in any more.
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            decision = Decision.REDIRECT_TO_SIGN_IN;
        }
        return switch (decision) {
            case REDIRECT_TO_SIGN_IN -> redirectToSignIn(request, response, context, path);
            case CHALLENGE -> {
                // The body is the container's error page for 401 (web.xml -> SecurityErrorServlet): Liberty renders it
                // after a SEND_FAILURE whatever this mechanism writes, so writing one here would send two.
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
                yield context.responseUnauthorized();
            }
            default -> context.doNothing();
        };
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * What to do with a request, from what it carries.
     *
     * @param path the request path below the context root
     * @param formSignIn whether {@code SecurityContext.authenticate} passed a credential
     * @param basicCredentials whether an {@code Authorization: Basic} header carries a well-formed credential
     * @param protectedResource whether web.xml requires a role for the path
     * @param sessionSignIn whether the HTTP session remembers a signed-in console user (never read for the API)
     */
    static Decision decide(
            String path,
            boolean formSignIn,
            boolean basicCredentials,
            boolean protectedResource,
            boolean sessionSignIn) {
        if (formSignIn) {
            return Decision.FORM_SIGN_IN;
        }
        if (basicCredentials) {
            return Decision.BASIC;
        }
        if (!protectedResource) {
            return Decision.ANONYMOUS;
        }
        if (isApi(path)) {
            return Decision.CHALLENGE;
        }
        return sessionSignIn ? Decision.SESSION : Decision.REDIRECT_TO_SIGN_IN;
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        String tried = credential instanceof UsernamePasswordCredential password ? password.getCaller() : "";
        String address = request.getRemoteAddr();
        Optional<Duration> locked = throttle.lockedFor(tried, address);
        if (locked.isPresent()) {
            request.setAttribute(LOCKED_SECONDS, Math.max(1, locked.get().toSeconds()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(tried, address, "console");
            // Not context.responseUnauthorized(): that sends the 401 error page, and the sign-in page must instead
            // render again with its message.
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(tried, address);
        String username = result.getCallerPrincipal().getName();
        Optional<ConsoleUser> user = users.find(username);
        if (user.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        // A session that existed before signing in (planted, or the visitor's) gets a new id: whoever knew the old
        // one is not signed in by this.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true)
                .setAttribute(
                        SIGNED_IN,
                        new ConsoleSignIn(
                                username, user.get().passwordChangedAt().toInstant()));
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The 401 for a malformed Basic header, on every path. Not {@code responseUnauthorized()}: on a path web.xml leaves
     * open, Liberty lets a request pass on anonymously (a 200) after its mechanism's SEND_FAILURE. SEND_CONTINUE with
     * a 401 is Liberty's challenge on every path: it names this realm and renders the 401 error page
     * ({@link SecurityErrorServlet}), which writes the body.
     */
    private static AuthenticationStatus malformedBasicHeader(HttpServletResponse response, HttpMessageContext context) {
        context.getMessageInfo().getMap().put(LIBERTY_CHALLENGE_REALM, REALM);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * A locked sign-in over the API: 429 with Retry-After, written here (the mechanism's SEND_CONTINUE leaves the
     * answer as written). No password was checked.
     */
    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, Duration lockedFor) {
        long seconds = Math.max(1, lockedFor.toSeconds() + (lockedFor.toMillisPart() > 0 ? 1 : 0));
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"Too many failed sign-ins;"
                            + " try again in " + seconds + " s\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The signed-in user's roles now, or empty when the user is gone or their password changed since signing in. */
    Optional<Set<String>> currentRoles(ConsoleSignIn signIn) {
        if (signIn == null) {
            return Optional.empty();
        }
        return rolesOf(signIn, users.find(signIn.username()));
    }

    /** The roles a remembered sign-in still carries, given the user as stored now. */
    static Optional<Set<String>> rolesOf(ConsoleSignIn signIn, Optional<ConsoleUser> current) {
        return current.filter(user -> user.username().equals(signIn.username()))
                .filter(user -> user.passwordChangedAt().toInstant().equals(signIn.passwordChangedAt()))
                .map(user -> Set.of(user.role().roleName()));
    }

    private static boolean hasSessionSignIn(HttpServletRequest request, String path) {
        return !isApi(path) && signInOf(request) != null;
    }

    private static ConsoleSignIn signInOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SIGNED_IN) instanceof ConsoleSignIn signIn ? signIn : null;
    }

    private static AuthenticationStatus redirectToSignIn(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String path) {
        String location = signInLocation(
                request.getContextPath(), returnPathOf(path, request.getMethod(), request.getQueryString()));
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // A Faces Ajax request cannot follow an HTTP redirect: tell its JavaScript to go there instead.
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter()
                        .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                                + location.replace("&", "&amp;").replace("\"", "&quot;")
                                + "\"/></partial-response>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        // A path, not response.sendRedirect's absolute URL: that one is built from the request's Host header, which the
        // client chooses.
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        try {
            response.flushBuffer(); // committed, as sendRedirect would leave it: the container adds nothing
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The sign-in page's address, naming the page to return to when it is an acceptable one. */
    static String signInLocation(String contextPath, String returnPath) {
        String next = safeNext(returnPath);
        return contextPath
                + SIGN_IN_PAGE
                + (next.equals(CONSOLE_HOME)
                        ? ""
                        : "?" + NEXT_PARAMETER + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** The page to come back to: a GET keeps its query; another method (a stale form post) comes back to the page. */
    static String returnPathOf(String path, String method, String query) {
        return "GET".equalsIgnoreCase(method) && query != null && !query.isEmpty() ? path + "?" + query : path;
    }

    /**
     * The page a sign-in may go to: {@code next} when it is a console path on this server, else the console's
     * overview. Anything else (another host, a scheme, {@code //}, a backslash, a dot segment) could send a freshly
     * signed-in user to another site.
     */
    public static String safeNext(String next) {
        if (next == null
                || !SAFE_NEXT.matcher(next).matches()
                || next.contains("//")
                || next.contains("/./")
                || next.contains("/../")) {
            return CONSOLE_HOME;
        }
        return next;
    }

    static boolean isApi(String path) {
        return path.startsWith(API_PREFIX);
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Whether a header names the Basic scheme (well-formed or not). */
    static boolean isBasic(String header) {
        return header != null
                && (header.regionMatches(true, 0, "Basic ", 0, 6)
                        || header.trim().equalsIgnoreCase("Basic"));
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

    /**
     * A console user signed in on this session.
     *
     * @param username who signed in
     * @param passwordChangedAt when their password last changed at the time: a later change signs this session out
     */
    record ConsoleSignIn(String username, Instant passwordChangedAt) implements Serializable {}
}
