package io.llmadmin.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsageRecordTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void should_keep_what_was_counted_when_created() {
        UsageRecord usage = new UsageRecord("gpt-4o", "alice", 12, 34, true, 250, UsageOutcome.SUCCESS, AT);

        assertThat(usage.modelId()).isEqualTo("gpt-4o");
        assertThat(usage.tokensIn()).isEqualTo(12);
        assertThat(usage.tokensOut()).isEqualTo(34);
        assertThat(usage.tokensEstimated()).isTrue();
        assertThat(usage.outcome().succeeded()).isTrue();
    }

    @Test
    void should_name_the_field_when_a_count_is_negative_or_text_is_missing() {
        assertThatThrownBy(() -> new UsageRecord("m", "c", -1, 0, false, 0, UsageOutcome.SUCCESS, AT))
                .hasMessageContaining("tokensIn");
        assertThatThrownBy(() -> new UsageRecord("m", "c", 0, 0, false, -5, UsageOutcome.SUCCESS, AT))
                .hasMessageContaining("latencyMillis");
        assertThatThrownBy(() -> new UsageRecord(" ", "c", 0, 0, false, 0, UsageOutcome.SUCCESS, AT))
                .hasMessageContaining("modelId");
        assertThatThrownBy(() -> new UsageRecord("m", "", 0, 0, false, 0, UsageOutcome.SUCCESS, AT))
                .hasMessageContaining("caller");
    }
}
