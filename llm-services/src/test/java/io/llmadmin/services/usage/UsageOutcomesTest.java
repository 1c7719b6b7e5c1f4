package io.llmadmin.services.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.usage.UsageOutcome;
import io.llmadmin.services.errors.LlmNotConfiguredException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class UsageOutcomesTest {

    @Test
    void should_map_each_failure_to_its_outcome_when_unwrapping_completion_wrappers() {
        assertThat(UsageOutcomes.of(null)).isEqualTo(UsageOutcome.SUCCESS);
        assertThat(UsageOutcomes.of(new CancellationException())).isEqualTo(UsageOutcome.CANCELLED);
        assertThat(UsageOutcomes.of(new CompletionException(new LlmNotConfiguredException("x"))))
                .isEqualTo(UsageOutcome.NOT_CONFIGURED);
        assertThat(UsageOutcomes.of(new IllegalStateException())).isEqualTo(UsageOutcome.ERROR);
    }
}
