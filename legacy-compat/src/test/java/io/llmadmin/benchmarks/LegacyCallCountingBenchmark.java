package io.llmadmin.benchmarks;

import io.llmadmin.legacy.Models;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import io.llmadmin.services.tokens.TokenEstimator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What counting a legacy call adds to it. {@code facade} is {@code Models.approximateTokens("")} (the stack walk to the
 * calling class, then the count), {@code direct} the same function without the facade (no tokenizer work for an empty
 * text), {@code recordOnly} the count without the stack walk, and {@code recordWithMetricsListener} the count with a
 * subscribed listener doing what the metrics publisher does per call (find the pair's counter in a map, increment it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@SuppressWarnings("removal")
public class LegacyCallCountingBenchmark {

    @Benchmark
    public int facade() {
        return Models.approximateTokens("");
    }

    @Benchmark
    public int direct() {
        return TokenEstimator.approximateTokens("");
    }

    private final LegacyCallCounts withListener = new LegacyCallCounts(Clock.systemUTC());
    private final ConcurrentMap<List<String>, LongAdder> metricCounters = new ConcurrentHashMap<>();

    @Setup
    public void subscribeMetricsLikeListener() {
        withListener.subscribe((function, caller) -> metricCounters
                .computeIfAbsent(List.of(function, caller), pair -> new LongAdder())
                .increment());
    }

    @Benchmark
    public void recordWithMetricsListener() {
        withListener.record("approximate_tokens", "io.llmadmin.benchmarks.Caller");
    }

    @Benchmark
    public void recordOnly() {
        LegacyCallCounts.processWide().record("approximate_tokens", "io.llmadmin.benchmarks.Caller");
    }
}
