package io.llmadmin.services.llm.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one upstream attempt tells the HTTP client beneath LangChain4j: its timeout, and how to abort it. LangChain4j
 * starts each request on the calling thread, so the context travels there in a thread-local for the duration of the
 * model call; the client registers an abort action for every request it starts under it.
 */
final class CallContext {

    private static final Logger LOG = Logger.getLogger(CallContext.class.getName());
    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    private final Duration timeout;
    private final List<Runnable> aborts = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile OpenAiStreamChunks.Observer chunkObserver;

    CallContext(Duration timeout) {
        this.timeout = timeout;
    }

    static CallContext current() {
        return CURRENT.get();
    }

    Duration timeout() {
        return timeout;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Who sees each streamed OpenAI chunk's choices before LangChain4j reads it (see {@link OpenAiStreamChunks}). */
    void observeChunks(OpenAiStreamChunks.Observer observer) {
        this.chunkObserver = observer;
    }

    OpenAiStreamChunks.Observer chunkObserver() {
        return chunkObserver;
    }

    /** Runs {@code body} with this context visible to the HTTP client. */
    <T> T run(Supplier<T> body) {
        CallContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Registers how to abort a request; runs it at once when the call is already cancelled. */
    void onCancel(Runnable abort) {
        aborts.add(abort);
        if (cancelled) {
            runQuietly(abort);
        }
    }

    /** Aborts every request started under this context, now and later. */
    void cancel() {
        cancelled = true;
        aborts.forEach(CallContext::runQuietly);
    }

    private static void runQuietly(Runnable abort) {
        try {
            abort.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "aborting an upstream request failed", e);
        }
    }
}
