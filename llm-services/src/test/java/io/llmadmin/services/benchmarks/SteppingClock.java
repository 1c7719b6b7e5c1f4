package io.llmadmin.services.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one millisecond each time it is read: a benchmark loop then looks like a steady 1,000 calls a
 * second, so a 60-second window holds a realistic 60,000 reservations instead of growing with the machine's speed.
 */
public final class SteppingClock extends Clock {

    private final AtomicLong millis =
            new AtomicLong(Instant.parse("2026-11-22T00:00:00Z").toEpochMilli());

    @Override
    public long millis() {
        return millis.incrementAndGet();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
