package io.llmadmin.services.ollama;

import io.llmadmin.domain.ollama.PullStatus;
import java.time.OffsetDateTime;

/**
 * A pull as every admin sees it.
 *
 * @param id the job's public id
 * @param endpoint the Ollama server
 * @param model the model being pulled
 * @param requestedBy who started it
 * @param status where it is
 * @param statusText the last status line the server sent ({@code pulling sha256:...}, {@code verifying sha256
 *     digest}, ...)
 * @param completedBytes bytes done of the layer being pulled
 * @param totalBytes that layer's size (0 before the server says)
 * @param digest the model's digest once pulled, or null
 * @param cancelRequested whether someone asked to stop it
 * @param errorKind why it failed ({@code NOT_FOUND}, {@code UNREACHABLE}, {@code DIGEST_MISMATCH}, {@code TOO_LARGE},
 *     {@code FAILED}), or null
 * @param errorMessage what went wrong, for people, or null
 */
public record PullJobView(
        String id,
        String endpoint,
        String model,
        String requestedBy,
        PullStatus status,
        String statusText,
        long completedBytes,
        long totalBytes,
        String digest,
        boolean cancelRequested,
        String errorKind,
        String errorMessage,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime finishedAt) {

    /** Progress in percent, 0-100 (0 while the size is unknown). */
    public int percent() {
        return totalBytes <= 0
                ? (status == PullStatus.SUCCEEDED ? 100 : 0)
                : (int) Math.min(100, completedBytes * 100 / totalBytes);
    }
}
