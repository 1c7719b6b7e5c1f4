package io.llmadmin.services.llm.internal;

import io.llmadmin.services.errors.LlmException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Runs a blocking attempt again while the {@link RetryPolicy} says so, waiting on the calling thread. */
final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class.getName());

    private final RetryPolicy policy;

    Retries(RetryPolicy policy) {
        this.policy = policy;
    }

    RetryPolicy policy() {
        return policy;
    }

    /** Runs {@code once} until it succeeds or the policy gives up; a refusal of our own limiter is never retried. */
    <T> T run(Supplier<T> once) {
        return run(once, false);
    }

    /**
     * As {@link #run(Supplier)}, knowing whether a fallback could take the call instead (a provider's 429 is then not
     * retried).
     */
    <T> T run(Supplier<T> once, boolean fallbackAvailable) {
        for (int retry = 1; ; retry++) {
            try {
                return once.get();
            } catch (AdmissionRefused refused) {
                throw refused.failure();
            } catch (LlmException failure) {
                Optional<Duration> delay = policy.delayBefore(retry, failure, fallbackAvailable);
                if (delay.isEmpty()) {
                    throw failure;
                }
                int number = retry;
                LOG.info(() -> "Call failed (" + failure.getClass().getSimpleName() + "); retry " + number + " in "
                        + delay.get().toMillis() + " ms");
                try {
                    Thread.sleep(delay.get().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }
}
