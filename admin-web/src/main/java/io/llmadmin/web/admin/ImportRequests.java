package io.llmadmin.web.admin;

import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import io.llmadmin.web.errors.ApiFieldError;
import io.llmadmin.web.json.JsonBodies;
import io.llmadmin.web.json.JsonBodyException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * How the import endpoints read what they are sent, strictly: options are {@code true} or {@code false} and nothing
 * else (a typo must not turn a dry run into a real one), the Django connection body is a small JSON object read with a
 * plain JSON reader (never JSON-B binding, whose skipping of malformed arrays can spin forever) and only the members
 * it knows, and uploads are spooled to files only this process can read, cut off at a size limit with a 413.
 */
final class ImportRequests {

    /** The Django connection body holds a URL, a user, a password and a few options: a few KiB at most. */
    static final int MAX_CONNECTION_BODY_BYTES = 16 * 1024;

    private ImportRequests() {}

    /** A query option: absent is false; {@code true} / {@code false}; anything else is a 400 naming it. */
    static boolean flag(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    /**
     * A body option: JSON {@code true} or {@code false}, or absent; the query may give it too, and the two must then
     * agree.
     */
    static boolean flag(JsonObject body, String name, String query) {
        boolean fromQuery = flag(name, query);
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fromQuery;
        }
        boolean fromBody = switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw invalid(name, "must be the JSON literal true or false");
        };
        if (query != null && fromQuery != fromBody) {
            throw invalid(name, "the query and the body disagree");
        }
        return fromBody;
    }

    /** A string member, or null when absent or null; any other JSON type is a 400. */
    static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(name, "must be a string");
        }
        return body.getString(name);
    }

    /** The body as one JSON object of at most {@code maxBytes}, with only the members named. */
    static JsonObject smallObject(InputStream body, int maxBytes, Set<String> members) {
        byte[] bytes = readAtMost(body, maxBytes);
        if (bytes.length == 0) {
            throw invalid("body", "must be a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("body", "must be one valid JSON object in UTF-8");
        }
        JsonObject object;
        try {
            // The one reading path of the APIs: depth-limited, so a deeply nested body is a 400, never a 500.
            object = JsonBodies.object(text);
        } catch (JsonBodyException e) {
            throw invalid("body", e.fieldMessage());
        }
        for (String name : object.keySet()) {
            if (!members.contains(name)) {
                throw new ApiException(ApiError.invalid(
                        "Unknown member '" + shown(name) + "'",
                        List.of(new ApiFieldError(shown(name), "is not one of " + String.join(", ", members)))));
            }
        }
        return object;
    }

    /**
     * Copies an upload to a new file readable by this process only (0600), refusing it with a 413 past {@code
     * maxBytes} and with a 400 when it is empty. The caller deletes the file.
     */
    static Path spool(InputStream body, long maxBytes, String suffix) {
        if (body == null) {
            throw invalid("body", "the file to import is required");
        }
        Path file = null;
        try {
            file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(
                            "llmadmin-import-",
                            suffix,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("llmadmin-import-", suffix);
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = body.read(buffer)) > 0) {
                    copied += n;
                    if (copied > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (copied == 0) {
                throw invalid("body", "the file to import is empty");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("Cannot buffer the uploaded import file", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Readable by this process only; the OS reaps its temporary directory.
        }
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(ApiError.invalid(field + ": " + message, List.of(new ApiFieldError(field, message))));
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(ApiError.of(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than the " + maxBytes + " bytes an import accepts"));
    }

    private static byte[] readAtMost(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw invalid("body", "could not be read");
        }
    }

    /** A member name as it may be echoed: short, printable. */
    private static String shown(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
