package io.llmadmin.services.ratelimit.internal;

import static io.llmadmin.services.ratelimit.internal.LimitKind.WINDOW_MILLIS;

import io.llmadmin.services.errors.RateLimitHeadroom;
import io.llmadmin.services.ratelimit.RateLimiter;
import io.llmadmin.services.ratelimit.RateLimits;
import io.llmadmin.services.ratelimit.RatePermit;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The limiter of one instance: a sliding-window log per model in memory. Each model's window is guarded by its own
 * lock, so the three limits are checked and reserved as one step and different models never wait on each other.
 */
public final class InProcessRateLimiter implements RateLimiter {

    private final Clock clock;
    private final ConcurrentMap<String, ModelWindow> windows = new ConcurrentHashMap<>();

    public InProcessRateLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RatePermit admit(String modelId, RateLimits limits, int estimatedInputTokens, int maxOutputTokens) {
        LimitKind.validate(modelId, limits, estimatedInputTokens, maxOutputTokens);
        return windows.computeIfAbsent(modelId, ModelWindow::new)
                .admit(clock.millis(), limits, estimatedInputTokens, maxOutputTokens);
    }

    /** The reservations of one model made in the last 60 seconds, oldest first, and their running sums. */
    private static final class ModelWindow {

        private final String modelId;
        private final ArrayDeque<Reservation> log = new ArrayDeque<>();
        private final long[] used = new long[3];
        private long latest;

        ModelWindow(String modelId) {
            this.modelId = modelId;
        }

        synchronized RatePermit admit(long nowMillis, RateLimits limits, int inputTokens, int outputTokens) {
            long now = advanceTo(nowMillis);
            long[] need = {1, inputTokens, outputTokens};
            long[] excess = new long[3];
            int firstFull = -1;
            for (int kind = 0; kind < 3; kind++) {
                excess[kind] = LimitKind.excess(
                        used[kind], need[kind], LimitKind.ofIndex(kind).limitOf(limits));
                if (excess[kind] > 0 && firstFull < 0) {
                    firstFull = kind;
                }
            }
            if (firstFull >= 0) {
                long[] resets = resetsFrom(now);
                boolean[] full = new boolean[3];
                for (int kind = 0; kind < 3; kind++) {
                    full[kind] = excess[kind] > 0;
                }
                long retryAfter = retryAt(excess) - now;
                for (int kind = 0; kind < 3; kind++) {
                    if (full[kind]) {
                        resets[kind] = retryAfter;
                    }
                }
                LimitKind refused = LimitKind.ofIndex(firstFull);
                throw refused.refusal(modelId, used[firstFull], need[firstFull], refused.limitOf(limits), retryAfter)
                        .withHeadroom(LimitKind.headroom(limits, used.clone(), resets));
            }
            Reservation reservation = new Reservation(this, now, inputTokens, outputTokens);
            log.addLast(reservation);
            used[0] += 1;
            used[1] += inputTokens;
            used[2] += outputTokens;
            reservation.headroom = LimitKind.headroom(limits, used.clone(), resetsFrom(now));
            return reservation;
        }

        /**
         * For each limit, how long until the oldest reservation counted against it leaves the window (0 when the
         * window holds nothing of it): when its remaining next rises.
         */
        private long[] resetsFrom(long now) {
            long[] resets = new long[3];
            boolean[] found = new boolean[3];
            int missing = 3;
            for (Reservation reservation : log) {
                long[] amounts = {reservation.requests, reservation.inputTokens, reservation.outputTokens};
                for (int kind = 0; kind < 3; kind++) {
                    if (!found[kind] && amounts[kind] > 0) {
                        found[kind] = true;
                        resets[kind] = reservation.admittedAt + WINDOW_MILLIS - now;
                        missing--;
                    }
                }
                if (missing == 0) {
                    break;
                }
            }
            return resets;
        }

        /** Moves the window's time forward (never back, should the clock step back) and drops what left it. */
        private long advanceTo(long nowMillis) {
            latest = Math.max(latest, nowMillis);
            long cutoff = latest - WINDOW_MILLIS;
            while (!log.isEmpty() && log.peekFirst().admittedAt <= cutoff) {
                Reservation expired = log.pollFirst();
                used[0] -= expired.requests;
                used[1] -= expired.inputTokens;
                used[2] -= expired.outputTokens;
                expired.inWindow = false;
            }
            return latest;
        }

        /** When, walking the log oldest first, every full limit has had enough leave the window. */
        private long retryAt(long[] excess) {
            long[] freed = new long[3];
            long at = latest;
            for (Reservation reservation : log) {
                long[] amounts = {reservation.requests, reservation.inputTokens, reservation.outputTokens};
                boolean pending = false;
                for (int kind = 0; kind < 3; kind++) {
                    if (excess[kind] > 0) {
                        freed[kind] += amounts[kind];
                        if (freed[kind] >= excess[kind]) {
                            excess[kind] = 0;
                            at = Math.max(at, reservation.admittedAt + WINDOW_MILLIS);
                        } else {
                            pending = true;
                        }
                    }
                }
                if (!pending) {
                    return at;
                }
            }
            return latest + WINDOW_MILLIS;
        }

        synchronized void settle(Reservation reservation, int inputTokens, int outputTokens) {
            if (reservation.inWindow) {
                used[1] += inputTokens - reservation.inputTokens;
                used[2] += outputTokens - reservation.outputTokens;
                reservation.inputTokens = inputTokens;
                reservation.outputTokens = outputTokens;
            }
        }

        synchronized void cancel(Reservation reservation) {
            if (reservation.inWindow) {
                used[0] -= reservation.requests;
                used[1] -= reservation.inputTokens;
                used[2] -= reservation.outputTokens;
                reservation.requests = 0;
                reservation.inputTokens = 0;
                reservation.outputTokens = 0;
            }
        }
    }

    /** One admission; stays in its window's log (with zero amounts once cancelled) until it is 60 seconds old. */
    private static final class Reservation extends OncePermit {

        private final ModelWindow window;
        private final long admittedAt;
        // Guarded by the window's lock.
        private int requests = 1;
        private int inputTokens;
        private int outputTokens;
        private boolean inWindow = true;
        private RateLimitHeadroom headroom = RateLimitHeadroom.NONE;

        Reservation(ModelWindow window, long admittedAt, int inputTokens, int outputTokens) {
            this.window = window;
            this.admittedAt = admittedAt;
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
        }

        @Override
        protected void doSettle(int actualInputTokens, int actualOutputTokens) {
            window.settle(this, actualInputTokens, actualOutputTokens);
        }

        @Override
        protected void doCancel() {
            window.cancel(this);
        }

        @Override
        public RateLimitHeadroom headroom() {
            synchronized (window) {
                return headroom;
            }
        }
    }
}
