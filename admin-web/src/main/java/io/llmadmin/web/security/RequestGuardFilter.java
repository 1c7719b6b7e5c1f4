package io.llmadmin.web.security;

import static io.llmadmin.services.json.JsonProviders.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first thing every request of the application meets, before any servlet or resource reads it:
 *
 * <ul>
 *   <li>a body larger than its endpoint's limit ({@link RequestLimits}) is refused with a JSON 413, at once when
 *       {@code Content-Length} says so, else (a chunked body of the JSON APIs) as soon as the limit is read past;
 *   <li>a body that takes longer than {@link #BODY_READ_TIMEOUT_MILLIS} to arrive is refused with a 408 (a client
 *       trickling bytes would otherwise hold a thread for as long as it likes);
 *   <li>on the JSON APIs ({@code /api/}, {@code /openai/}), a body whose charset is not UTF-8 is refused with a 415, and
 *       one that is not valid UTF-8 with a 400 (JSON is UTF-8, RFC 8259); elsewhere only an unknown charset is refused,
 *       which the runtime would otherwise answer with a 500 naming its exception class;
 *   <li>(the security headers, {@code Strict-Transport-Security} over HTTPS included, are Liberty's, in server.xml, so
 *       they reach the answers Liberty makes itself too).
 * </ul>
 *
 * Refusals use the caller's error shape: OpenAI's under {@code /openai/}, the API's everywhere else.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestGuardFilter extends HttpFilter {

    /** How long a body may take to arrive in full. */
    static final long BODY_READ_TIMEOUT_MILLIS = 30_000;

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = pathOf(request);
        long length = request.getContentLengthLong();
        boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        String contentType = request.getContentType();
        long limit = RequestLimits.limitFor(path, contentType);
        if (length > limit) {
            refuse(request, response, 413, tooLarge(limit));
            return;
        }
        String charset = charsetOf(contentType);
        // A file upload to the APIs (a SQLite database to import) is bytes, not JSON: its own endpoint bounds it.
        boolean api = RequestLimits.isJsonApi(path) && !isUpload(contentType);
        if (charset != null && !supported(charset)) {
            refuse(request, response, 415, "The charset " + printable(charset) + " is not supported; send UTF-8");
            return;
        }
        if (api && charset != null && !Charset.forName(charset).equals(StandardCharsets.UTF_8)) {
            refuse(request, response, 415, "JSON must be sent as UTF-8 (charset=utf-8), not " + printable(charset));
            return;
        }
        if (!api) {
            // Console forms and uploads: Content-Length was checked above; a chunked body is bounded by Liberty's
            // MessageSizeLimit (server.xml) and the upload's multipart-config.
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), limit);
        } catch (BodyTooLargeException e) {
            refuse(request, response, 413, tooLarge(limit));
            return;
        } catch (BodyTooSlowException e) {
            refuse(request, response, 408, "The request body took too long to arrive");
            return;
        }
        if (!isUtf8(body)) {
            refuse(request, response, 400, "The request body is not valid UTF-8");
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    static String tooLarge(long limit) {
        return "The request body is larger than this endpoint accepts (" + limit + " bytes)";
    }

    /** Reads a body into memory, refusing it past {@code limit} bytes or past the read timeout. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        long deadline = System.currentTimeMillis() + BODY_READ_TIMEOUT_MILLIS;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                throw new BodyTooLargeException();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BodyTooSlowException();
            }
        }
        return out.toByteArray();
    }

    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The {@code charset} parameter of a content type, or null. */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                return trimmed.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** A charset name as the client sent it, cut short and reduced to harmless characters for the message. */
    private static String printable(String charset) {
        String cleaned = charset.replaceAll("[^A-Za-z0-9._:-]", "?");
        return "'" + (cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned) + "'";
    }

    /** Answers in the caller's error shape; the body of the request is not read further. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Error";
        };
        JsonObjectBuilder body;
        if (pathOf(request).startsWith("/openai/")) {
            body = JSON.createObjectBuilder()
                    .add(
                            "error",
                            JSON.createObjectBuilder()
                                    .add("message", message)
                                    .add("type", status == 401 ? "authentication_error" : "invalid_request_error")
                                    .addNull("param")
                                    .addNull("code"));
        } else {
            body = JSON.createObjectBuilder()
                    .add("status", status)
                    .add("error", reason)
                    .add("message", message);
        }
        response.reset();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.build().toString());
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The body was longer than allowed. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("request body too large");
        }
    }

    /** The body took longer than allowed to arrive. */
    static final class BodyTooSlowException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooSlowException() {
            super("request body too slow");
        }
    }

    /** A binary or multipart body, as file uploads are sent. */
    static boolean isUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        return type.startsWith("application/octet-stream") || type.startsWith("multipart/");
    }

    /** A request whose body was read into memory, to be read again as UTF-8. */
    static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ByteArrayServletInputStream(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** A blocking servlet stream over a plain one. */
    static final class ByteArrayServletInputStream extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        ByteArrayServletInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int value = in.read();
            finished = value == -1;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            finished = read == -1;
            return read;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("This body is read blocking");
        }
    }
}
