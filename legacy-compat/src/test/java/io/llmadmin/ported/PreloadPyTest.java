package io.llmadmin.ported;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.legacy.LiteLLMEmbeddingWrapper;
import io.llmadmin.legacy.Models;
import io.llmadmin.legacy.testing.FacadeServices;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preload.py}: warms the local embedding model at start-up with
 * {@code get_embedding_model("huggingface", "sentence-transformers/all-MiniLM-L6-v2")} and one embedding, offline and
 * without any key.
 */
@SuppressWarnings("removal")
class PreloadPyTest {

    @TempDir
    Path dataDirectory;

    @AfterEach
    void uninstall() {
        FacadeServices.uninstall();
    }

    @Test
    void should_warm_the_in_process_minilm_model_without_a_key_or_the_network() {
        FacadeServices.install(Map.of(), dataDirectory);

        LiteLLMEmbeddingWrapper embeddings =
                Models.getEmbeddingModel("huggingface", "sentence-transformers/all-MiniLM-L6-v2", null, null);
        float[] warm = embeddings.embedQuery("test");

        assertThat(embeddings.isLocal()).isTrue();
        assertThat(warm).hasSize(384);
        assertThat(embeddings.embedDocuments(java.util.List.of("a cat", "a dog")))
                .hasSize(2);
    }
}
