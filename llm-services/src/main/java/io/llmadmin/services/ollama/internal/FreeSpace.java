package io.llmadmin.services.ollama.internal;

import io.llmadmin.services.ollama.PullJobView;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How many bytes a new pull into one Ollama endpoint may still take: the smaller of the configured bound ({@code
 * OLLAMA_FREE_SPACE_BYTES}) and, when Ollama runs on this machine (a loopback endpoint) and its models directory is
 * configured ({@code OLLAMA_MODELS_DIR}), that directory's real usable space; less what the endpoint's running pulls
 * will still need. Ollama's API says nothing of a model's size before its pull announces the layers, so a pull is
 * refused up front when nothing is left, and stopped as soon as its announced layers need more than is left.
 */
final class FreeSpace {

    private static final Logger LOG = Logger.getLogger(FreeSpace.class.getName());

    private final long bound;
    private final Path modelsDirectory;

    /**
     * @param bound bytes a pull may take at most, 0 for no bound
     * @param modelsDirectory Ollama's models directory on this machine, or blank when unknown
     */
    FreeSpace(long bound, String modelsDirectory) {
        this.bound = Math.max(0, bound);
        this.modelsDirectory =
                modelsDirectory == null || modelsDirectory.isBlank() ? null : Path.of(modelsDirectory.trim());
    }

    /**
     * What is left on this endpoint, given its running pulls (each still needs its announced total against the bound,
     * and what it has not yet written against the disk, which already holds the rest).
     */
    Budget budget(String endpoint, List<PullJobView> running) {
        List<Budget> limits = new ArrayList<>();
        if (bound > 0) {
            long reserved = running.stream().mapToLong(PullJobView::totalBytes).sum();
            limits.add(new Budget(
                    bound - reserved,
                    "the free-space bound of " + bound + " bytes (OLLAMA_FREE_SPACE_BYTES)"
                            + (reserved > 0 ? ", of which running pulls take " + reserved : "")));
        }
        if (modelsDirectory != null
                && OllamaEndpoints.isLoopback(URI.create(endpoint).getHost())) {
            try {
                long usable = Files.getFileStore(modelsDirectory).getUsableSpace();
                long pending = running.stream()
                        .mapToLong(job -> Math.max(0, job.totalBytes() - job.completedBytes()))
                        .sum();
                limits.add(new Budget(
                        usable - pending,
                        usable + " bytes free in the models directory " + modelsDirectory + " (OLLAMA_MODELS_DIR)"
                                + (pending > 0 ? ", of which running pulls will still write " + pending : "")));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot read the free space of " + modelsDirectory + " (OLLAMA_MODELS_DIR)", e);
            }
        }
        return limits.stream()
                .min(java.util.Comparator.comparingLong(Budget::bytes))
                .orElse(Budget.UNKNOWN);
    }

    /**
     * The bytes left for a pull, and what they are left of, for the message of a refusal.
     *
     * @param bytes what is left (negative when running pulls already need more); {@link Long#MAX_VALUE} when unknown
     * @param source which bound or directory, in words
     */
    record Budget(long bytes, String source) {

        static final Budget UNKNOWN = new Budget(Long.MAX_VALUE, "no known bound");

        boolean known() {
            return bytes != Long.MAX_VALUE;
        }

        /** Whether a model needing this many bytes does not fit. */
        boolean exceededBy(long needed) {
            return known() && needed > bytes;
        }

        /** Whether nothing is left at all: no pull can fit, whatever its size. */
        boolean exhausted() {
            return known() && bytes <= 0;
        }

        String describe() {
            return Math.max(0, bytes) + " bytes left: " + source;
        }
    }
}
