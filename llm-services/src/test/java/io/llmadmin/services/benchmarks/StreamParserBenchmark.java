package io.llmadmin.services.benchmarks;

import io.llmadmin.services.streaming.ReasoningStreamParser;
import io.llmadmin.services.streaming.StreamDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost the stream parser adds to every streamed chunk: one answer of about 2,000 characters — a {@code <think>}
 * block then the response — cut into chunks of {@code chunkChars} characters (small chunks split the tags across
 * chunks, the parser's slow path), parsed from the first chunk to {@code finish()}. Reported per whole stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamParserBenchmark {

    @Param({"1", "4", "32"})
    public int chunkChars;

    private List<String> chunks;

    @Setup
    public void cutTheStream() {
        String reasoning = "Let me think about the question step by step. ".repeat(20);
        String response = "Here is the answer, with a few sentences of detail. ".repeat(20);
        String stream = "<think>" + reasoning + "</think>" + response;
        chunks = new ArrayList<>();
        for (int start = 0; start < stream.length(); start += chunkChars) {
            chunks.add(stream.substring(start, Math.min(stream.length(), start + chunkChars)));
        }
    }

    @Benchmark
    public void parseOneStream(Blackhole sink) {
        ReasoningStreamParser parser = new ReasoningStreamParser();
        for (String chunk : chunks) {
            StreamDelta delta = parser.addChunk(chunk, "");
            sink.consume(delta);
        }
        sink.consume(parser.finish());
    }
}
