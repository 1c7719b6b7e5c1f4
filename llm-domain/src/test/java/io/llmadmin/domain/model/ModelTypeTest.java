package io.llmadmin.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTypeTest {

    @ParameterizedTest
    @CsvSource({"chat,CHAT", "Chat,CHAT", "EMBEDDING,EMBEDDING", "Embedding,EMBEDDING", "image,IMAGE", " speech ,SPEECH"
    })
    void should_parse_api_names_and_legacy_labels(String text, ModelType expected) {
        assertThat(ModelType.fromLabel(text)).contains(expected);
    }

    @Test
    void should_parse_nothing_when_the_text_names_no_type() {
        assertThat(ModelType.fromLabel("video")).isEmpty();
        assertThat(ModelType.fromLabel("")).isEmpty();
        assertThat(ModelType.fromLabel(null)).isEmpty();
    }

    @Test
    void should_list_the_api_names_in_declaration_order() {
        assertThat(ModelType.apiNames()).containsExactly("chat", "embedding", "image", "speech");
    }
}
