package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small decisions the audit and gateway keys pages make: diffs, URL filters, expiry days, limit texts. */
class AuditDiffTest {

    @Test
    void should_mark_only_the_fields_that_changed_with_nested_fields_as_dotted_paths() {
        List<AuditDiff.Line> lines = AuditDiff.of(
                "{\"name\":\"a\",\"limits\":{\"rpm\":1,\"tpm\":2},\"gone\":true}",
                "{\"name\":\"a\",\"limits\":{\"rpm\":5,\"tpm\":2},\"added\":\"x\"}");

        assertThat(lines)
                .extracting(AuditDiff.Line::getField)
                .containsExactly("gone", "limits.rpm", "limits.tpm", "name", "added");
        assertThat(lines)
                .filteredOn(AuditDiff.Line::isChanged)
                .extracting(AuditDiff.Line::getField)
                .containsExactly("gone", "limits.rpm", "added");
        assertThat(lines.get(1).getBefore()).isEqualTo("1");
        assertThat(lines.get(1).getAfter()).isEqualTo("5");
        assertThat(lines.get(4).getBefore()).isEmpty();
    }

    @Test
    void should_show_a_creation_a_deletion_and_text_that_is_not_json() {
        assertThat(AuditDiff.of(null, "{\"name\":\"a\"}")).singleElement().satisfies(line -> {
            assertThat(line.getBefore()).isEmpty();
            assertThat(line.getAfter()).isEqualTo("a");
            assertThat(line.isChanged()).isTrue();
        });
        assertThat(AuditDiff.of("{\"name\":\"a\"}", null))
                .singleElement()
                .satisfies(line -> assertThat(line.getAfter()).isEmpty());
        assertThat(AuditDiff.of("not json", null))
                .singleElement()
                .satisfies(line -> assertThat(line.getField()).isEqualTo("(value)"));
    }

    @Test
    void should_accept_short_entity_type_names_in_the_url() {
        assertThat(AuditView.storedEntityType("Model")).isEqualTo("ModelConfiguration");
        assertThat(AuditView.storedEntityType("user")).isEqualTo("ConsoleUser");
        assertThat(AuditView.storedEntityType("GatewayKey")).isEqualTo("GatewayKey");
        assertThat(AuditView.storedEntityType(" ")).isNull();
    }

    @Test
    void should_put_only_the_set_filters_into_the_query_encoded() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("entityType", "ModelConfiguration");
        filters.put("entityId", null);
        filters.put("actor", "a b&c");

        assertThat(AuditView.queryOf(filters)).isEqualTo("?entityType=ModelConfiguration&actor=a+b%26c");
        assertThat(AuditView.queryOf(Map.of())).isEmpty();
    }

    @Test
    void should_show_the_last_day_a_key_works_for_an_expiry_at_midnight_or_during_the_day() {
        assertThat(GatewayKeysView.lastDay(OffsetDateTime.parse("2031-05-02T00:00:00Z")))
                .isEqualTo(LocalDate.parse("2031-05-01"));
        assertThat(GatewayKeysView.lastDay(OffsetDateTime.parse("2031-05-02T15:30:00Z")))
                .isEqualTo(LocalDate.parse("2031-05-02"));
        assertThat(GatewayKeysView.lastDay(null)).isNull();
    }

    @Test
    void should_name_only_the_limits_that_are_set() {
        assertThat(GatewayKeyRow.limitsText(GatewayKeyLimits.UNLIMITED)).isEqualTo("none");
        assertThat(GatewayKeyRow.limitsText(new GatewayKeyLimits(30, 0, 900)))
                .isEqualTo("30 requests, 900 output tokens a minute");
    }
}
