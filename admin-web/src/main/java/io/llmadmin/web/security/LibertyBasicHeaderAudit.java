package io.llmadmin.web.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Open Liberty's web security from failing on a malformed {@code Authorization: Basic} header.
 *
 * <p>After the application's authentication mechanism has answered, Liberty (26.0.0.3,
 * {@code WebProviderAuthenticatorProxy.authenticateForOtherMechanisms}) writes the caller's name into its audit record
 * whenever the request's authentication type is {@code BASIC}, which it is for every application without a
 * {@code login-config}: it decodes the header and cuts it at its colon without checking that there is one. A header
 * without a colon (or the bare word {@code Basic}) then throws a {@code StringIndexOutOfBoundsException}, answered by
 * the 401 error page but logged with a ~4.6 KB stack trace each time: any anonymous client could flood the log.
 *
 * <p>Liberty keeps that authentication type in a private request attribute, {@value #AUTH_TYPE_ATTRIBUTE}, set to
 * {@code BASIC} before the mechanism runs and read right after it; after a SUCCESS (an anonymous pass included, as on
 * the 401 error page's own dispatch) it is set again, from the JASPIC message info's standard
 * {@value #MESSAGE_INFO_AUTH_TYPE} entry when there is one. For a Basic header this application does not accept as
 * credentials, the mechanism sets both to {@value #NOT_BASIC} (Liberty's own value for a JASPIC provider without a
 * declared method), so Liberty never parses the header. Liberty's attribute store is not an API, so it is reached by
 * reflection; if a later Liberty lacks it, nothing changes but the log line (noted at FINE).
 */
final class LibertyBasicHeaderAudit {

    /** The private request attribute in which Liberty's JASPIC service keeps a request's authentication type. */
    static final String AUTH_TYPE_ATTRIBUTE = "AUTH_TYPE";

    /** The JASPIC message info entry (Servlet Container Profile) that names a request's authentication type. */
    static final String MESSAGE_INFO_AUTH_TYPE = "jakarta.servlet.http.authType";

    /** What the attribute is set to instead of {@code BASIC}. */
    static final String NOT_BASIC = "JASPI";

    private static final Logger LOG = Logger.getLogger(LibertyBasicHeaderAudit.class.getName());

    private LibertyBasicHeaderAudit() {}

    /**
     * Whether Liberty would try to cut this header at its colon and fail: it names the Basic scheme (Liberty looks at
     * the prefix only) and carries no well-formed {@code user:password}.
     */
    static boolean wouldFailLiberty(String authorization) {
        return authorization != null
                && authorization.regionMatches(true, 0, "Basic", 0, 5)
                && ConsoleAndApiAuthentication.credentialOf(authorization) == null;
    }

    /** Marks the request so that Liberty's audit step does not parse its Basic header. */
    static void keepLibertyFromParsing(HttpServletRequest request, Map<String, Object> messageInfo) {
        messageInfo.put(MESSAGE_INFO_AUTH_TYPE, NOT_BASIC);
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        try {
            Method setter = inner.getClass().getMethod("setPrivateAttribute", String.class, Object.class);
            setter.invoke(inner, AUTH_TYPE_ATTRIBUTE, NOT_BASIC);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Liberty's private request attributes are not reachable", e);
        }
    }
}
