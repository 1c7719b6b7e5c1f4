package io.llmadmin.web.admin;

import io.llmadmin.services.ollama.LocalModel;
import io.llmadmin.services.ollama.ModelChoice;
import io.llmadmin.services.ollama.PullJobView;
import io.llmadmin.services.ollama.SizeCategory;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** What {@code /api/admin/ollama} answers and accepts; size categories and statuses in lower case. */
public final class OllamaResponses {

    private OllamaResponses() {}

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The endpoints in use. */
    public record Endpoints(List<String> endpoints) {}

    /** An installed model. */
    @JsonbPropertyOrder({
        "name",
        "endpoint",
        "sizeBytes",
        "category",
        "parameterSize",
        "quantization",
        "contextLength",
        "family",
        "digest",
        "capabilities",
        "registered",
        "registeredAs"
    })
    public record Model(
            String name,
            String endpoint,
            long sizeBytes,
            String category,
            String parameterSize,
            String quantization,
            int contextLength,
            String family,
            String digest,
            List<String> capabilities,
            boolean registered,
            List<String> registeredAs) {

        static Model of(LocalModel m) {
            return new Model(
                    m.name(),
                    m.endpoint(),
                    m.sizeBytes(),
                    lower(m.category()),
                    m.parameterSize(),
                    m.quantization(),
                    m.contextLength(),
                    m.family(),
                    m.digest(),
                    m.capabilities(),
                    m.registered(),
                    m.registeredAs());
        }
    }

    /** A pull job. */
    @JsonbPropertyOrder({
        "id",
        "endpoint",
        "model",
        "status",
        "statusText",
        "completedBytes",
        "totalBytes",
        "percent",
        "digest",
        "cancelRequested",
        "errorKind",
        "errorMessage",
        "requestedBy",
        "createdAt",
        "updatedAt",
        "finishedAt"
    })
    public record Pull(
            String id,
            String endpoint,
            String model,
            String status,
            String statusText,
            long completedBytes,
            long totalBytes,
            int percent,
            String digest,
            boolean cancelRequested,
            String errorKind,
            String errorMessage,
            String requestedBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime finishedAt) {

        static Pull of(PullJobView j) {
            return new Pull(
                    j.id(),
                    j.endpoint(),
                    j.model(),
                    lower(j.status()),
                    j.statusText(),
                    j.completedBytes(),
                    j.totalBytes(),
                    j.percent(),
                    j.digest(),
                    j.cancelRequested(),
                    j.errorKind(),
                    j.errorMessage(),
                    j.requestedBy(),
                    j.createdAt(),
                    j.updatedAt(),
                    j.finishedAt());
        }
    }

    /** One model that fits a selection. */
    public record Candidate(
            String id, String provider, int contextLength, Long sizeBytes, String category, Long averageLatencyMillis) {

        static Candidate of(ModelChoice.Candidate c) {
            return new Candidate(
                    c.catalogId(),
                    c.provider(),
                    c.contextLength(),
                    c.sizeBytes(),
                    lower(c.category()),
                    c.averageLatencyMillis());
        }
    }

    /** The answer to a selection. */
    @JsonbPropertyOrder({"chosen", "explanation", "ranked"})
    public record Choice(Candidate chosen, String explanation, List<Candidate> ranked) {

        static Choice of(ModelChoice choice) {
            return new Choice(
                    Candidate.of(choice.chosen()),
                    choice.explanation(),
                    choice.ranked().stream().map(Candidate::of).toList());
        }
    }

    /** The body of {@code POST /ollama/pulls}. */
    public record PullRequest(String endpoint, String model, String expectedDigest) {}

    /** The body of {@code POST /ollama/models/register}. */
    public record RegisterRequest(String endpoint, String model, String id) {}

    /** The answer to a registration. */
    public record Registered(String id) {}

    /** A category from the query, or an error naming the parameter. */
    static SizeCategory category(List<io.llmadmin.web.errors.ApiFieldError> errors, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SizeCategory.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new io.llmadmin.web.errors.ApiFieldError(name, "must be small, medium or large"));
            return null;
        }
    }
}
