package io.llmadmin.services.llm.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.errors.InvalidLlmRequestException;
import io.llmadmin.services.llm.CallOutcome;
import io.llmadmin.services.llm.Embeddings;
import io.llmadmin.services.llm.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Embedding calls: the input checked, then one attempt per try through the provider's LangChain4j model. */
final class EmbeddingCalls {

    private final Attempts attempts;
    private final Retries retries;
    private final LangChain4jModelFactory factory;
    private final Duration timeout;

    EmbeddingCalls(Attempts attempts, Retries retries, LangChain4jModelFactory factory, Duration timeout) {
        this.attempts = attempts;
        this.retries = retries;
        this.factory = factory;
        this.timeout = timeout;
    }

    Embeddings embed(ModelConfiguration model, List<String> texts, String caller) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidLlmRequestException("input", "input must hold at least one text");
        }
        if (texts.stream().anyMatch(text -> text == null || text.isEmpty())) {
            throw new InvalidLlmRequestException("input", "input must not hold an empty text");
        }
        ChatCallChecks.requireType(model, ModelType.EMBEDDING);
        ModelAdmission admission;
        try {
            admission = attempts.admit(model, "embedding", caller, texts, null);
        } catch (AdmissionRefused refused) {
            throw refused.failure();
        }
        try {
            Embeddings answer = retries.run(() -> once(admission, texts));
            return new Embeddings(answer.model(), answer.vectors(), answer.usage(), admission.headroom());
        } finally {
            admission.release();
        }
    }

    private Embeddings once(ModelAdmission admission, List<String> texts) {
        ModelConfiguration model = admission.model();
        Attempt attempt = admission.attempt(timeout);
        try {
            Response<List<Embedding>> response = attempt.context()
                    .run(() -> factory.embeddingModel(model, attempt.key())
                            .embedAll(texts.stream().map(TextSegment::from).toList()));
            Optional<TokenUsage> usage = Conversions.embeddingUsage(response.tokenUsage());
            attempt.end(CallOutcome.SUCCEEDED, null, usage);
            return new Embeddings(
                    model.catalogId(),
                    response.content().stream().map(Embedding::vector).toList(),
                    usage);
        } catch (RuntimeException e) {
            throw attempt.fail(e);
        }
    }
}
