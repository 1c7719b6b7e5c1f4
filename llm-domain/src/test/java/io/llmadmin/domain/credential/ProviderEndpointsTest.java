package io.llmadmin.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderEndpointsTest {

    @Test
    void should_allow_the_same_origin_at_or_below_the_bound_path_when_compared() {
        assertThat(ProviderEndpoints.allows("https://api.openai.com/v1", "https://API.openai.com:443/v1/"))
                .isTrue();
        assertThat(ProviderEndpoints.allows("http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1/chat"))
                .isTrue();
        assertThat(ProviderEndpoints.allows("http://127.0.0.1:8000", "http://127.0.0.1:8000/v1"))
                .isTrue();
    }

    @Test
    void should_refuse_another_host_port_scheme_or_path_when_compared() {
        assertThat(ProviderEndpoints.allows("http://vllm:8000/v1", "http://attacker:8000/v1"))
                .isFalse();
        assertThat(ProviderEndpoints.allows("http://vllm:8000/v1", "http://vllm:8001/v1"))
                .isFalse();
        assertThat(ProviderEndpoints.allows("https://vllm/v1", "http://vllm/v1"))
                .isFalse();
        assertThat(ProviderEndpoints.allows("http://vllm/v1", "http://vllm/v10"))
                .isFalse();
        assertThat(ProviderEndpoints.allows("http://vllm/v1", "http://vllm.attacker.example/v1"))
                .isFalse();
        assertThat(ProviderEndpoints.allows(null, "http://vllm/v1")).isFalse();
        assertThat(ProviderEndpoints.allows("http://vllm/v1", "not a url")).isFalse();
    }

    @Test
    void should_use_the_official_endpoint_when_a_model_names_no_api_base() {
        assertThat(ProviderEndpoints.effective("OpenAI", " ")).hasValue("https://api.openai.com/v1");
        assertThat(ProviderEndpoints.effective("other", null)).isEmpty();
        assertThat(ProviderEndpoints.effective("other", "http://h/v1")).hasValue("http://h/v1");
    }

    @Test
    void should_name_the_origin_only_when_a_url_carries_user_info_or_a_query() {
        assertThat(ProviderEndpoints.origin("http://user:pass@db.example:5432/x?password=p"))
                .isEqualTo("http://db.example:5432");
        assertThat(ProviderEndpoints.problem("http://user:pass@h/v1")).isPresent();
        assertThat(ProviderEndpoints.problem("http://h/v1?key=x")).isPresent();
        assertThat(ProviderEndpoints.problem("http://h/v1")).isEmpty();
    }
}
