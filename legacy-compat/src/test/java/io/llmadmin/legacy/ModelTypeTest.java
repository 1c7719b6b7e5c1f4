package io.llmadmin.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

@SuppressWarnings("removal")
class ModelTypeTest {

    @Test
    void should_parse_the_python_values_exactly() {
        assertThat(ModelType.fromValue("Chat")).isEqualTo(ModelType.CHAT);
        assertThat(ModelType.fromValue("Embedding").toDomain()).isEqualTo(io.llmadmin.domain.model.ModelType.EMBEDDING);
    }

    @Test
    void should_refuse_a_value_in_another_case_as_python_did() {
        assertThatThrownBy(() -> ModelType.fromValue("chat")).hasMessageContaining("'chat' is not a valid ModelType");
    }
}
