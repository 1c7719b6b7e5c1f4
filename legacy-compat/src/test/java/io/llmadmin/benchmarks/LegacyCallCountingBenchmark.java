package io.llmadmin.benchmarks;

import io.llmadmin.legacy.Models;
import io.llmadmin.services.legacycalls.LegacyCallCounts;
import io.llmadmin.services.tokens.TokenEstimator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What counting a legacy call adds to it. {@code facade} is {@code Models.approximateTokens("")} (the stack walk to the
 * calling class, then the count), {@code direct} the same function without the facade (no tokenizer work for an empty
 * text), and {@code recordOnly} the count without the stack walk.
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

    @Benchmark
    public void recordOnly() {
        LegacyCallCounts.processWide().record("approximate_tokens", "io.llmadmin.benchmarks.Caller");
    }
}
