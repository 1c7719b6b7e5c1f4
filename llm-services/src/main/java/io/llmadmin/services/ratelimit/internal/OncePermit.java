package io.llmadmin.services.ratelimit.internal;

import io.llmadmin.services.ratelimit.RatePermit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A permit whose first settle or cancel takes effect and whose later ones are ignored. */
abstract class OncePermit implements RatePermit {

    private final AtomicBoolean finished = new AtomicBoolean();

    @Override
    public final void settle(int actualInputTokens, int actualOutputTokens) {
        if (actualInputTokens < 0) {
            throw new IllegalArgumentException("actualInputTokens must be >= 0, was " + actualInputTokens);
        }
        if (actualOutputTokens < 0) {
            throw new IllegalArgumentException("actualOutputTokens must be >= 0, was " + actualOutputTokens);
        }
        if (finished.compareAndSet(false, true)) {
            doSettle(actualInputTokens, actualOutputTokens);
        }
    }

    @Override
    public final void cancel() {
        if (finished.compareAndSet(false, true)) {
            doCancel();
        }
    }

    protected abstract void doSettle(int actualInputTokens, int actualOutputTokens);

    protected abstract void doCancel();
}
