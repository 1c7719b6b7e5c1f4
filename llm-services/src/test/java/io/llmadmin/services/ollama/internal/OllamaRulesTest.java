package io.llmadmin.services.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.ollama.ModelChoice.Candidate;
import io.llmadmin.services.ollama.SelectionCriteria;
import io.llmadmin.services.ollama.SizeCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OllamaRulesTest {

    @Test
    void should_put_sizes_in_categories_at_5_and_20_decimal_gigabytes() {
        assertThat(SizeCategory.of(4_999_999_999L)).isEqualTo(SizeCategory.SMALL);
        assertThat(SizeCategory.of(5_000_000_000L)).isEqualTo(SizeCategory.MEDIUM);
        assertThat(SizeCategory.of(20_000_000_000L)).isEqualTo(SizeCategory.MEDIUM);
        assertThat(SizeCategory.of(20_000_000_001L)).isEqualTo(SizeCategory.LARGE);
        assertThat(SizeCategory.SMALL.atMost(SizeCategory.MEDIUM)).isTrue();
        assertThat(SizeCategory.LARGE.atMost(SizeCategory.MEDIUM)).isFalse();
    }

    @Test
    void should_allow_loopback_and_in_use_endpoints_only_when_checking_an_endpoint() {
        Set<String> inUse = Set.of("http://ollama.internal:11434");

        assertThat(OllamaEndpoints.allowed(OllamaEndpoints.normalize("endpoint", "http://127.0.0.1:5555/"), inUse))
                .isTrue();
        assertThat(OllamaEndpoints.allowed(OllamaEndpoints.normalize("endpoint", "http://LOCALHOST:11434"), inUse))
                .isTrue();
        assertThat(OllamaEndpoints.allowed(OllamaEndpoints.normalize("endpoint", "http://[::1]:11434"), inUse))
                .isTrue();
        assertThat(OllamaEndpoints.allowed(OllamaEndpoints.normalize("e", "http://ollama.internal:11434"), inUse))
                .isTrue();
        assertThat(OllamaEndpoints.allowed(OllamaEndpoints.normalize("e", "http://10.0.0.7:11434"), inUse))
                .isFalse();
        assertThat(OllamaEndpoints.allowed(OllamaEndpoints.normalize("e", "http://127.0.0.1.evil.example:80"), inUse))
                .isFalse();
        assertThat(OllamaEndpoints.normalize("endpoint", null)).isEqualTo("http://localhost:11434");
    }

    @Test
    void should_refuse_endpoints_with_path_credentials_or_other_schemes_when_normalizing() {
        for (String bad : List.of(
                "file:///etc/passwd",
                "http://user:pw@127.0.0.1:1",
                "http://127.0.0.1:1/api",
                "http://127.0.0.1:1?x=1",
                "gopher://127.0.0.1",
                "not a url")) {
            assertThatThrownBy(() -> OllamaEndpoints.normalize("endpoint", bad))
                    .as(bad)
                    .isInstanceOf(InvalidChangeException.class)
                    .hasMessageContaining("endpoint");
        }
    }

    @Test
    void should_read_configured_endpoints_skipping_wrong_ones_when_parsing_the_list() {
        assertThat(OllamaEndpoints.configured(" http://gpu-box:11434/ , nonsense, https://b:1 "))
                .containsExactly("http://gpu-box:11434", "https://b:1");
        assertThat(OllamaEndpoints.configured(" ")).isEmpty();
    }

    @Test
    void should_tell_ollamas_error_lines_apart_when_a_pull_fails() {
        assertThat(PullRunner.kindOf("pull model manifest: file does not exist"))
                .isEqualTo("NOT_FOUND");
        assertThat(PullRunner.kindOf("digest mismatch, file must be downloaded again: want sha256:a, got sha256:b"))
                .isEqualTo("DIGEST_MISMATCH");
        assertThat(PullRunner.kindOf("max retries exceeded: unexpected EOF")).isEqualTo("FAILED");
        assertThat(PullRunner.sameDigest("sha256:ABCDEF", "abcdef")).isTrue();
        assertThat(PullRunner.sameDigest("abcdef", "abcdee")).isFalse();
        assertThat(PullRunner.sameDigest("abcdef", null)).isFalse();
    }

    @Test
    void should_derive_catalog_ids_and_match_tags_when_names_omit_latest() throws Exception {
        assertThat(DefaultOllamaModels.catalogIdOf("llama3.2:3b")).isEqualTo("ollama-llama3.2-3b");
        assertThat(DefaultOllamaModels.catalogIdOf("llama3.2:latest")).isEqualTo("ollama-llama3.2");
        assertThat(DefaultOllamaModels.catalogIdOf("hf.co/Org/Model:Q4")).isEqualTo("ollama-hf.co-org-model-q4");
        var tags = new ObjectMapper()
                .readTree("{\"models\":[{\"name\":\"llama3.2:latest\",\"size\":1},{\"name\":\"qwen:7b\",\"size\":2}]}");
        assertThat(DefaultOllamaModels.findTag(tags, "llama3.2")).isPresent();
        assertThat(DefaultOllamaModels.findTag(tags, "qwen")).isEmpty();
        assertThat(DefaultOllamaModels.findTag(tags, "qwen:7b")
                        .orElseThrow()
                        .path("size")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void should_read_the_context_length_of_any_architecture_when_showing_a_model() throws Exception {
        var show = new ObjectMapper()
                .readTree("{\"model_info\":{\"general.architecture\":\"gemma3\",\"gemma3.context_length\":131072}}");

        assertThat(DefaultOllamaModels.contextLength(show)).isEqualTo(131072);
        assertThat(DefaultOllamaModels.contextLength(new ObjectMapper().readTree("{}")))
                .isZero();
    }

    @Test
    void should_rank_smallest_first_then_fastest_with_unknowns_last_when_selecting() {
        List<Candidate> candidates = new ArrayList<>(List.of(
                new Candidate("cloud", "openai", 128000, null, null, 100L),
                new Candidate("medium", "ollama", 8192, 9_000_000_000L, SizeCategory.MEDIUM, 50L),
                new Candidate("small-slow", "ollama", 8192, 2_000_000_000L, SizeCategory.SMALL, 900L),
                new Candidate("small-fast", "ollama", 8192, 2_000_000_000L, SizeCategory.SMALL, 300L),
                new Candidate("small-unused", "ollama", 8192, 2_000_000_000L, SizeCategory.SMALL, null)));

        candidates.sort(DefaultModelSelection.RANKING);

        assertThat(candidates)
                .extracting(Candidate::catalogId)
                .containsExactly("small-fast", "small-slow", "small-unused", "medium", "cloud");
        String why = DefaultModelSelection.explain(
                candidates, new SelectionCriteria(ModelType.CHAT, 4096, null, true, SizeCategory.MEDIUM, null));
        assertThat(why)
                .contains("small-fast")
                .contains("smallest")
                .contains("300 ms")
                .contains("context >= 4096")
                .contains("tools");
    }
}
