package io.llmadmin.services.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.llm.Embeddings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process all-MiniLM-L6-v2 runs with no network (DJL offline; see the surefire environment). */
class InProcessEmbeddingTest {

    @Test
    void should_embed_offline_in_384_dimensions_for_the_local_and_huggingface_providers() {
        // given
        TestSupport.Models models = new TestSupport.Models()
                .add(new ModelConfiguration("local-emb", ModelType.EMBEDDING, "local", "all-MiniLM-L6-v2", "Local"))
                .add(new ModelConfiguration(
                        "hf-emb",
                        ModelType.EMBEDDING,
                        "huggingface",
                        "sentence-transformers/all-MiniLM-L6-v2",
                        "MiniLM"));
        LangChain4jChatService service = TestSupport.service(
                models, new TestSupport.RecordingGuard(), TestSupport.records(), 0, Duration.ofSeconds(30));

        // when
        Embeddings local =
                service.embed("local-emb", List.of("The cat sat on the mat.", "A feline rested on a rug."), null);
        Embeddings huggingFace = service.embed("hf-emb", List.of("The cat sat on the mat."), null);

        // then
        assertThat(local.dimensions()).isEqualTo(384);
        assertThat(huggingFace.vectors().get(0)).containsExactly(local.vectors().get(0));
        assertThat(cosine(local.vectors().get(0), local.vectors().get(1))).isGreaterThan(0.5);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
