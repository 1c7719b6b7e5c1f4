package io.llmadmin.web.admin;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.web.errors.ApiError;
import io.llmadmin.web.errors.ApiException;
import io.llmadmin.web.errors.ApiFieldError;
import io.llmadmin.web.json.JsonBodies;
import io.llmadmin.web.json.JsonBodyException;
import io.llmadmin.web.json.JsonNumbers;
import io.llmadmin.web.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatchBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body into a validated DTO, answering every failure with a JSON 400 that names the field: a body
 * that is not a JSON object, a member of the wrong JSON type, or a Bean Validation violation. Also reads versions from
 * {@code If-Match}.
 */
@ApplicationScoped
public class RequestBodies {

    private static final Pattern PROPERTY_NAME = Pattern.compile("property '?([A-Za-z0-9_]+)'?");
    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Validator validator;

    @Inject
    public RequestBodies(Validator validator) {
        this.validator = validator;
    }

    /** For the CDI proxy only. */
    protected RequestBodies() {
        this(null);
    }

    /** The body as a JSON object (through the one JSON reading path, {@link JsonBodies}), or a 400. */
    public JsonObject object(String body) {
        try {
            return JsonBodies.object(body);
        } catch (JsonBodyException e) {
            throw invalid("The request body " + e.fieldMessage(), e.field(), e.fieldMessage());
        }
    }

    /** The object bound to {@code type} and checked by Bean Validation, or a 400 naming each wrong field. */
    public <T> T bind(JsonObject json, Class<T> type) {
        // Strict types and ranges first: JSON-B would wrap 4294967296 to 0 and read "12" as 12. The members at fault
        // are reported, and left out (null) of what Bean Validation then checks, so every wrong field is named at once.
        List<JsonBodyException> problems = StrictJson.problems(json, type);
        List<ApiFieldError> typeErrors = problems.stream()
                .map(problem -> new ApiFieldError(problem.field(), problem.fieldMessage()))
                .toList();
        JsonObject checked = json;
        if (!problems.isEmpty()) {
            JsonPatchBuilder withoutProblems = JSON.createPatchBuilder();
            problems.forEach(problem -> withoutProblems.replace(pointer(problem.field()), JsonValue.NULL));
            checked = withoutProblems.build().apply(json);
        }
        T bound;
        try {
            bound = JSONB.fromJson(checked.toString(), type);
        } catch (JsonbException e) {
            String field = fieldOf(e);
            throw invalid(
                    "A member of the request body has the wrong JSON type" + (field.equals("body") ? "" : ": " + field),
                    field,
                    "has the wrong JSON type");
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        typeErrors.forEach(error -> reported.add(error.field()));
        List<ApiFieldError> errors = java.util.stream.Stream.concat(
                        typeErrors.stream(),
                        validator.validate(bound).stream()
                                .map(violation -> new ApiFieldError(path(violation), violation.getMessage()))
                                .filter(error -> !reported.contains(error.field())))
                .distinct()
                .sorted(Comparator.comparing(ApiFieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new ApiException(ApiError.invalid(describe(errors), errors));
        }
        return bound;
    }

    /** The JSON pointer of a field path: {@code limits.requestsPerMinute} -> {@code /limits/requestsPerMinute}. */
    static String pointer(String field) {
        return "/"
                + field.replace("~", "~0")
                        .replace("/", "~1")
                        .replaceAll("\\[(\\d+)]", ".$1")
                        .replace('.', '/');
    }

    private static String describe(List<ApiFieldError> errors) {
        return "Invalid input: "
                + String.join(
                        "; ",
                        errors.stream()
                                .map(error -> error.field() + " " + error.message())
                                .toList());
    }

    /** The JSON text of an object, for a merge patch's base. */
    public JsonObject toJson(Object value) {
        return object(JSONB.toJson(value));
    }

    /**
     * The version a change is based on: the {@code If-Match} header's, else the body's {@code version}; empty when
     * neither names one.
     */
    public static OptionalLong changeVersion(String ifMatch, Long bodyVersion) {
        OptionalLong header = ifMatchVersion(ifMatch);
        return header.isPresent() || bodyVersion == null ? header : OptionalLong.of(bodyVersion);
    }

    /**
     * The version a change is based on, required (428 without): a change based on no version could silently undo
     * someone else's.
     */
    public static long requiredVersion(String ifMatch, Long bodyVersion) {
        return changeVersion(ifMatch, bodyVersion).orElseThrow(RequestBodies::versionRequired);
    }

    /**
     * The version an {@code If-Match} header names ({@code "3"} or {@code W/"3"}); empty when absent or {@code *}.
     */
    public static OptionalLong ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw invalid(
                    "If-Match must name a version this API gave as an ETag, like \"3\"",
                    "If-Match",
                    "must be an ETag this API gave");
        }
    }

    /** A {@code version} member: a whole number from 0, exactly (never wrapped), or a 400 naming it. */
    public static long version(JsonValue value) {
        try {
            return JsonNumbers.whole(value, "version", 0, Long.MAX_VALUE);
        } catch (JsonBodyException e) {
            throw invalid("Invalid input: version " + e.fieldMessage(), e.field(), e.fieldMessage());
        }
    }

    /** The ETag of a version. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 428 when a change needs the version it was based on and none was sent. */
    public static ApiException versionRequired() {
        return new ApiException(ApiError.of(
                Response.Status.PRECONDITION_REQUIRED,
                "Send the version you changed: an If-Match header with the ETag, or a 'version' member in the body"));
    }

    static ApiException invalid(String message, String field, String fieldMessage) {
        return new ApiException(ApiError.invalid(message, List.of(new ApiFieldError(field, fieldMessage))));
    }

    private static String fieldOf(JsonbException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            Matcher matcher = PROPERTY_NAME.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return "body";
    }

    private static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() == null || node.getName().startsWith("<")) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.toString();
    }
}
