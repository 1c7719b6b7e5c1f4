package io.llmadmin.migration.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.RowKind;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import io.llmadmin.migration.legacy.internal.MappedRow.Rejected;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every secret-looking value in legacy kwargs goes to the vault, for the row's endpoint, or the row is rejected. */
class KwargsSecretsTest {

    private static MappedRow map(String kwargs, String apiBase) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "type", "chat", "provider", "other", "name", "vllm-model", "ctx_length", "4096", "kwargs", kwargs));
        if (apiBase != null) {
            fields.put("api_base", apiBase);
        }
        return RowMapper.map(new LegacyRow(RowKind.CONFIGURATION, "row 1", fields));
    }

    @Test
    void should_take_secrets_at_any_depth_and_from_headers_for_the_rows_endpoint() {
        Accepted row = (Accepted) map(
                "{\"temperature\": 0, \"max_tokens\": 100, \"client\": {\"auth\": {\"access_token\": \"tok-0123456789\"}},"
                        + " \"extra_headers\": {\"Authorization\": \"Bearer sk-bearer-0123456789\","
                        + " \"x-api-key\": \"xk-0123456789\", \"X-Trace\": \"keep\"},"
                        + " \"db_password\": \"pw-0123456789\", \"client_secret\": \"cs-0123456789\"}",
                "http://vllm.internal:8000/v1");

        assertThat(row.secrets())
                .extracting(MappedRow.FoundSecret::secret)
                .containsExactlyInAnyOrder(
                        "tok-0123456789", "sk-bearer-0123456789", "xk-0123456789", "pw-0123456789", "cs-0123456789");
        assertThat(row.secrets())
                .extracting(MappedRow.FoundSecret::endpoint)
                .containsOnly("http://vllm.internal:8000/v1");
        assertThat(row.kwargsJson())
                .contains("\"temperature\":0", "\"max_tokens\":100", "\"X-Trace\":\"keep\"")
                .doesNotContain("0123456789");
    }

    @Test
    void should_reject_the_row_when_a_url_carries_credentials_or_a_secret_cannot_be_held() {
        assertThat(((Rejected) map("{\"proxy\": \"http://user:pass@proxy:3128\"}", null)).reason())
                .contains("kwargs.proxy", "URL with credentials")
                .doesNotContain("pass@");
        assertThat(((Rejected) map("{\"callback\": \"https://h/x?token=abc\"}", null)).reason())
                .contains("URL with credentials");
        assertThat(((Rejected) map("{\"auth_token\": \"short\"}", null)).reason())
                .contains("kwargs.auth_token", "looks like a secret")
                .doesNotContain("short\"");
    }
}
