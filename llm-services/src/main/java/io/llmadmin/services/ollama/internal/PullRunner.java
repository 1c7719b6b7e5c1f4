package io.llmadmin.services.ollama.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.ollama.OllamaFailureException;
import io.llmadmin.services.ollama.OllamaUnreachableException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows one pull's NDJSON stream ({@code {"status", "digest", "total", "completed"}} lines, then {@code
 * {"status":"success"}}, or an {@code {"error"}} line) and writes its progress to the job at most every
 * {@link #WRITE_EVERY_MILLIS}, and whenever the status text or the whole percentage changes (at most about a hundred
 * writes per layer, and the progress shown is never more than a percent behind, even when the stream stalls). It stops, closing the stream, when the job was
 * cancelled or when the layers announced so far need more than the free-space bound. Once Ollama says success, the
 * model must be listed by {@code /api/tags}, with the expected digest when one was given.
 */
final class PullRunner {

    private static final Logger LOG = Logger.getLogger(PullRunner.class.getName());
    static final long WRITE_EVERY_MILLIS = 250;

    private final OllamaClient client;
    private final PullJobStore store;
    private final FreeSpace.Budget budget;

    /** @param budget what the pull may take, decided when it starts */
    PullRunner(OllamaClient client, PullJobStore store, FreeSpace.Budget budget) {
        this.client = client;
        this.store = store;
        this.budget = budget;
    }

    /** Why a pull stopped before the end of its stream. */
    private enum Stop {
        NONE,
        CANCELLED,
        TOO_LARGE,
        ERROR,
        SUCCESS
    }

    void run(String jobId, String endpoint, String model, String expectedDigest) {
        Map<String, Long> layerTotals = new HashMap<>();
        Stop[] stop = {Stop.NONE};
        String[] error = {null};
        long[] lastWrite = {0};
        String[] lastText = {null};
        int[] lastPercent = {-2};
        try {
            client.pull(endpoint, model, line -> {
                if (line.hasNonNull("error")) {
                    error[0] = line.get("error").asText();
                    stop[0] = Stop.ERROR;
                    return false;
                }
                String status = line.path("status").asText("");
                long total = line.path("total").asLong(0);
                long completed = line.path("completed").asLong(0);
                if (line.hasNonNull("digest") && total > 0) {
                    layerTotals.put(line.get("digest").asText(), total);
                    long needed = layerTotals.values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
                    if (budget.exceededBy(needed)) {
                        error[0] = "model '" + model + "' needs at least " + needed + " bytes, more than the "
                                + budget.describe();
                        stop[0] = Stop.TOO_LARGE;
                        return false;
                    }
                }
                if (status.equals("success")) {
                    stop[0] = Stop.SUCCESS;
                    return false;
                }
                long now = System.currentTimeMillis();
                int percent = total > 0 ? (int) (completed * 100 / total) : -1;
                if (now - lastWrite[0] >= WRITE_EVERY_MILLIS
                        || percent != lastPercent[0]
                        || !status.equals(lastText[0])) {
                    lastWrite[0] = now;
                    lastText[0] = status;
                    lastPercent[0] = percent;
                    if (!store.progress(jobId, status, completed, total)) {
                        stop[0] = Stop.CANCELLED;
                        return false;
                    }
                }
                return true;
            });
        } catch (UnknownEntityException e) {
            store.fail(jobId, "NOT_FOUND", e.getMessage(), null);
            return;
        } catch (OllamaUnreachableException e) {
            store.fail(jobId, "UNREACHABLE", e.getMessage(), null);
            return;
        } catch (OllamaFailureException e) {
            store.fail(jobId, "FAILED", e.getMessage(), null);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Pull " + jobId + " failed unexpectedly", e);
            store.fail(jobId, "FAILED", "unexpected failure: " + e.getClass().getSimpleName(), null);
            return;
        }
        switch (stop[0]) {
            case CANCELLED -> store.cancel(jobId);
            case TOO_LARGE -> store.fail(jobId, "TOO_LARGE", "Refused: " + error[0], null);
            case ERROR -> store.fail(jobId, kindOf(error[0]), "Ollama at " + endpoint + ": " + error[0], null);
            case NONE ->
                store.fail(
                        jobId,
                        "FAILED",
                        "Ollama at " + endpoint + " ended the pull's stream without saying success",
                        null);
            case SUCCESS -> verify(jobId, endpoint, model, expectedDigest);
        }
    }

    /** After "success": the model must be installed now, with the expected digest if one was given. */
    private void verify(String jobId, String endpoint, String model, String expectedDigest) {
        Optional<JsonNode> installed;
        try {
            installed = DefaultOllamaModels.findTag(client.tags(endpoint), model);
        } catch (RuntimeException e) {
            store.fail(jobId, "FAILED", "the pull ended but its result could not be checked: " + e.getMessage(), null);
            return;
        }
        if (installed.isEmpty()) {
            store.fail(
                    jobId, "FAILED", "Ollama at " + endpoint + " said success but does not list '" + model + "'", null);
            return;
        }
        String digest = installed.get().path("digest").asText(null);
        if (expectedDigest != null && !sameDigest(expectedDigest, digest)) {
            store.fail(
                    jobId,
                    "DIGEST_MISMATCH",
                    "digest mismatch: expected " + expectedDigest + " but Ollama at " + endpoint + " reports " + digest,
                    digest);
            return;
        }
        store.succeed(jobId, digest);
    }

    static boolean sameDigest(String expected, String reported) {
        if (reported == null) {
            return false;
        }
        return strip(expected).equalsIgnoreCase(strip(reported));
    }

    private static String strip(String digest) {
        String d = digest.trim();
        return d.toLowerCase(Locale.ROOT).startsWith("sha256:") ? d.substring(7) : d;
    }

    /** Ollama's error line as a kind: a missing model, a failed verification, or anything else. */
    static String kindOf(String error) {
        String e = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (e.contains("digest mismatch")) {
            return "DIGEST_MISMATCH";
        }
        if (e.contains("file does not exist") || e.contains("not found") || e.contains("manifest unknown")) {
            return "NOT_FOUND";
        }
        return "FAILED";
    }
}
