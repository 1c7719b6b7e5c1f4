package io.llmadmin.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.users.ConsoleRole;
import io.llmadmin.domain.users.ConsoleUser;
import io.llmadmin.services.users.ConsoleUsers;
import io.llmadmin.web.security.ConsoleAndApiAuthentication.ConsoleSignIn;
import io.llmadmin.web.security.ConsoleAndApiAuthentication.Decision;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleAndApiAuthenticationTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_user_and_password_with_colons_in_the_password() {
        UsernamePasswordCredential credential = ConsoleAndApiAuthentication.credentialOf(basic("alice:pa:ss wörd"));

        assertThat(credential.getCaller()).isEqualTo("alice");
        assertThat(credential.getPasswordAsString()).isEqualTo("pa:ss wörd");
    }

    @Test
    void should_ignore_other_schemes_and_malformed_headers() {
        assertThat(ConsoleAndApiAuthentication.credentialOf(null)).isNull();
        assertThat(ConsoleAndApiAuthentication.credentialOf("Bearer llmk_abc")).isNull();
        assertThat(ConsoleAndApiAuthentication.credentialOf("Basic !!!not-base64"))
                .isNull();
        assertThat(ConsoleAndApiAuthentication.credentialOf(basic("no-colon"))).isNull();
        assertThat(ConsoleAndApiAuthentication.credentialOf(basic(":password-without-user")))
                .isNull();
    }

    @Test
    void should_decide_from_what_the_request_carries() {
        // A form sign-in wins over everything; then Basic; unprotected paths pass on anonymously.
        assertThat(ConsoleAndApiAuthentication.decide("/login.xhtml", true, true, false, false))
                .isEqualTo(Decision.FORM_SIGN_IN);
        assertThat(ConsoleAndApiAuthentication.decide("/api/admin/models", false, true, true, false))
                .isEqualTo(Decision.BASIC);
        assertThat(ConsoleAndApiAuthentication.decide("/v1/models", false, false, false, true))
                .isEqualTo(Decision.ANONYMOUS);
        // The API never signs in from a session, and answers the Basic challenge.
        assertThat(ConsoleAndApiAuthentication.decide("/api/admin/models", false, false, true, true))
                .isEqualTo(Decision.CHALLENGE);
        // The console: from the session, else to the sign-in page.
        assertThat(ConsoleAndApiAuthentication.decide("/console/index.xhtml", false, false, true, true))
                .isEqualTo(Decision.SESSION);
        assertThat(ConsoleAndApiAuthentication.decide("/console/index.xhtml", false, false, true, false))
                .isEqualTo(Decision.REDIRECT_TO_SIGN_IN);
    }

    @Test
    void should_return_only_to_console_pages_after_signing_in() {
        assertThat(ConsoleAndApiAuthentication.safeNext("/console/migration.xhtml"))
                .isEqualTo("/console/migration.xhtml");
        assertThat(ConsoleAndApiAuthentication.safeNext("/console/migration.xhtml?tab=scan"))
                .isEqualTo("/console/migration.xhtml?tab=scan");
        for (String unsafe : List.of(
                "https://evil.example/console/x.xhtml",
                "//evil.example/console/",
                "/console//evil.example",
                "/console/../api/admin/users",
                "/console/./x.xhtml",
                "/console\\..\\x",
                "/api/admin/models",
                "/console/x.xhtml?u=http://evil.example",
                "")) {
            assertThat(ConsoleAndApiAuthentication.safeNext(unsafe)).as(unsafe).isEqualTo("/console/index.xhtml");
        }
        assertThat(ConsoleAndApiAuthentication.safeNext(null)).isEqualTo("/console/index.xhtml");
    }

    @Test
    void should_send_to_the_sign_in_page_naming_the_page_asked_for() {
        assertThat(ConsoleAndApiAuthentication.signInLocation("", "/console/migration.xhtml"))
                .isEqualTo("/login.xhtml?next=%2Fconsole%2Fmigration.xhtml");
        assertThat(ConsoleAndApiAuthentication.signInLocation("/app", "/console/index.xhtml"))
                .isEqualTo("/app/login.xhtml");
        assertThat(ConsoleAndApiAuthentication.returnPathOf("/console/a.xhtml", "GET", "x=1"))
                .isEqualTo("/console/a.xhtml?x=1");
        assertThat(ConsoleAndApiAuthentication.returnPathOf("/console/a.xhtml", "POST", "x=1"))
                .isEqualTo("/console/a.xhtml");
    }

    @Test
    void should_keep_a_sign_in_only_while_the_user_exists_with_the_same_password() {
        ConsoleUser alice = new ConsoleUser("alice", "PBKDF2-hash", ConsoleRole.VIEWER);
        ConsoleSignIn signIn =
                new ConsoleSignIn("alice", alice.passwordChangedAt().toInstant());

        assertThat(ConsoleAndApiAuthentication.rolesOf(signIn, Optional.of(alice)))
                .contains(Set.of("viewer"));
        alice.changeRole(ConsoleRole.ADMIN);
        assertThat(ConsoleAndApiAuthentication.rolesOf(signIn, Optional.of(alice)))
                .as("a changed role applies at once")
                .contains(Set.of("admin"));
        assertThat(ConsoleAndApiAuthentication.rolesOf(signIn, Optional.empty()))
                .as("a deleted user")
                .isEmpty();
        assertThat(ConsoleAndApiAuthentication.rolesOf(new ConsoleSignIn("alice", Instant.EPOCH), Optional.of(alice)))
                .as("the password changed since signing in")
                .isEmpty();
    }

    // --- validateRequest with fakes of the servlet and Jakarta Security objects ---

    private final Map<String, ConsoleUser> stored = new HashMap<>();
    private final ConsoleAndApiAuthentication mechanism = new ConsoleAndApiAuthentication(
            credential -> credential instanceof UsernamePasswordCredential password
                            && stored.containsKey(password.getCaller())
                            && password.getPasswordAsString().equals("right-password")
                    ? new CredentialValidationResult(
                            password.getCaller(),
                            Set.of(stored.get(password.getCaller()).role().roleName()))
                    : CredentialValidationResult.INVALID_RESULT,
            fake(
                    ConsoleUsers.class,
                    (name, args) -> name.equals("find") ? Optional.ofNullable(stored.get((String) args[0])) : null),
            new SignInThrottle(null, new InMemorySignInFailures(), java.time.Clock.systemUTC()));

    @Test
    void should_start_a_session_with_a_new_id_on_a_form_sign_in() {
        stored.put("alice", new ConsoleUser("alice", "hash", ConsoleRole.ADMIN));
        FakeRequest request = new FakeRequest("POST", "/login.xhtml");
        request.session = new FakeSession(); // the visitor's session before signing in
        FakeContext context = new FakeContext(false, new UsernamePasswordCredential("alice", "right-password"));

        AuthenticationStatus status = mechanism.validateRequest(request.proxy(), response(), context.proxy());

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(request.sessionIdChanges).isEqualTo(1);
        assertThat(request.session.attributes.get(ConsoleAndApiAuthentication.SIGNED_IN))
                .isInstanceOfSatisfying(
                        ConsoleSignIn.class,
                        signIn -> assertThat(signIn.username()).isEqualTo("alice"));
        assertThat(context.signedIn).isEqualTo("alice");
    }

    @Test
    void should_refuse_a_wrong_form_sign_in_without_a_session_or_an_error_page() {
        stored.put("alice", new ConsoleUser("alice", "hash", ConsoleRole.ADMIN));
        FakeRequest request = new FakeRequest("POST", "/login.xhtml");
        FakeContext context = new FakeContext(false, new UsernamePasswordCredential("alice", "wrong-password"));

        AuthenticationStatus status = mechanism.validateRequest(request.proxy(), response(), context.proxy());

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(request.session).isNull();
        assertThat(context.calls).doesNotContain("responseUnauthorized");
        assertThat(context.signedIn).isNull();
    }

    @Test
    void should_sign_in_console_requests_from_the_session_with_the_current_role() {
        ConsoleUser bob = new ConsoleUser("bob", "hash", ConsoleRole.VIEWER);
        stored.put("bob", bob);
        FakeRequest request = new FakeRequest("GET", "/console/index.xhtml");
        request.session = new FakeSession();
        request.session.attributes.put(
                ConsoleAndApiAuthentication.SIGNED_IN,
                new ConsoleSignIn("bob", bob.passwordChangedAt().toInstant()));
        bob.changeRole(ConsoleRole.ADMIN);
        FakeContext context = new FakeContext(true, null);

        AuthenticationStatus status = mechanism.validateRequest(request.proxy(), response(), context.proxy());

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(context.signedIn).isEqualTo("bob");
        assertThat(context.groups).containsExactly("admin");
    }

    @Test
    void should_sign_out_a_deleted_user_at_once_and_send_to_the_sign_in_page() {
        FakeRequest request = new FakeRequest("GET", "/console/migration.xhtml");
        request.session = new FakeSession();
        request.session.attributes.put(ConsoleAndApiAuthentication.SIGNED_IN, new ConsoleSignIn("gone", Instant.EPOCH));
        FakeContext context = new FakeContext(true, null);

        Map<String, String> headers = new HashMap<>();
        HttpServletResponse response = fake(HttpServletResponse.class, (name, args) -> {
            if (name.equals("setHeader")) {
                headers.put((String) args[0], (String) args[1]);
            }
            return null;
        });

        AuthenticationStatus status = mechanism.validateRequest(request.proxy(), response, context.proxy());

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(request.session.invalidated).isTrue();
        // A path, never an absolute URL built from the Host header.
        assertThat(headers).containsEntry("Location", "/login.xhtml?next=%2Fconsole%2Fmigration.xhtml");
        assertThat(context.signedIn).isNull();
    }

    @Test
    void should_never_read_or_create_a_session_for_the_api() {
        stored.put("alice", new ConsoleUser("alice", "hash", ConsoleRole.ADMIN));
        FakeRequest anonymous = new FakeRequest("GET", "/api/admin/models");
        FakeRequest withBasic = new FakeRequest("GET", "/api/admin/models");
        withBasic.headers.put("Authorization", basic("alice:right-password"));
        FakeContext anonymousContext = new FakeContext(true, null);
        FakeContext basicContext = new FakeContext(true, null);

        AuthenticationStatus refused =
                mechanism.validateRequest(anonymous.proxy(), response(), anonymousContext.proxy());
        AuthenticationStatus accepted = mechanism.validateRequest(withBasic.proxy(), response(), basicContext.proxy());

        assertThat(refused).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(anonymousContext.calls).contains("responseUnauthorized");
        assertThat(accepted).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(basicContext.signedIn).isEqualTo("alice");
        assertThat(anonymous.sessionLookups + withBasic.sessionLookups).isZero();
    }

    // --- fakes ---

    private interface Behaviour {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Behaviour behaviour) {
        return (T) Proxy.newProxyInstance(
                ConsoleAndApiAuthenticationTest.class.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "fake " + type.getSimpleName();
                    }
                    Object answer = behaviour.answer(method.getName(), args == null ? new Object[0] : args);
                    if (answer == null && method.getReturnType() == boolean.class) {
                        return false;
                    }
                    return answer;
                });
    }

    private static HttpServletResponse response() {
        return fake(HttpServletResponse.class, (name, args) -> null);
    }

    private static final class FakeSession {
        final Map<String, Object> attributes = new HashMap<>();
        boolean invalidated;

        HttpSession proxy() {
            return fake(HttpSession.class, (name, args) -> switch (name) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                case "invalidate" -> {
                    invalidated = true;
                    attributes.clear();
                    yield null;
                }
                default -> null;
            });
        }
    }

    private static final class FakeRequest {
        final String method;
        final String path;
        final Map<String, String> headers = new HashMap<>();
        FakeSession session;
        int sessionIdChanges;
        int sessionLookups;

        FakeRequest(String method, String path) {
            this.method = method;
            this.path = path;
        }

        HttpServletRequest proxy() {
            return fake(HttpServletRequest.class, (name, args) -> switch (name) {
                case "getMethod" -> method;
                case "getRequestURI" -> path;
                case "getContextPath" -> "";
                case "getRemoteAddr" -> "192.0.2.1";
                case "getHeader" -> headers.get((String) args[0]);
                case "getSession" -> {
                    sessionLookups++;
                    boolean create = args.length == 0 || (Boolean) args[0];
                    if (session == null && create) {
                        session = new FakeSession();
                    }
                    yield session == null || session.invalidated ? null : session.proxy();
                }
                case "changeSessionId" -> {
                    sessionIdChanges++;
                    yield "new-id";
                }
                default -> null;
            });
        }
    }

    private static final class FakeContext {
        final boolean protectedResource;
        final Credential credential;
        final List<String> calls = new ArrayList<>();
        String signedIn;
        Set<String> groups;
        String redirectedTo;

        FakeContext(boolean protectedResource, Credential credential) {
            this.protectedResource = protectedResource;
            this.credential = credential;
        }

        HttpMessageContext proxy() {
            return fake(HttpMessageContext.class, (name, args) -> {
                calls.add(name);
                return switch (name) {
                    case "isProtected" -> protectedResource;
                    case "isAuthenticationRequest" -> credential != null;
                    case "getAuthParameters" ->
                        AuthenticationParameters.withParams().credential(credential);
                    case "notifyContainerAboutLogin" -> {
                        if (args[0] instanceof CredentialValidationResult result) {
                            signedIn = result.getCallerPrincipal().getName();
                            groups = result.getCallerGroups();
                        } else {
                            signedIn = (String) args[0];
                            @SuppressWarnings("unchecked")
                            Set<String> given = (Set<String>) args[1];
                            groups = given;
                        }
                        yield AuthenticationStatus.SUCCESS;
                    }
                    case "redirect" -> {
                        redirectedTo = (String) args[0];
                        yield AuthenticationStatus.SEND_CONTINUE;
                    }
                    case "responseUnauthorized" -> AuthenticationStatus.SEND_FAILURE;
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    default -> null;
                };
            });
        }
    }
}
