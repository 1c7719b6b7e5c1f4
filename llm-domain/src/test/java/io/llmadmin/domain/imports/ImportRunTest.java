package io.llmadmin.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportRunTest {

    private static final ImportCounts COUNTS = new ImportCounts(10, 4, 2, 3, 1, 0, 1);

    @Test
    void should_start_running_and_keep_its_outcome_when_finished() {
        ImportRun run = new ImportRun(ImportSourceKind.DJANGO_FIXTURE, "fixture llm.json", false, true);

        run.finish(ImportStatus.COMMITTED, COUNTS, null, "{}");

        assertThat(run.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(run.counts()).isEqualTo(COUNTS);
        assertThat(run.strict()).isTrue();
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
    }

    @Test
    void should_refuse_to_finish_twice() {
        ImportRun run = new ImportRun(ImportSourceKind.AGENT_SETTINGS, "settings.json", true, false);
        run.finish(ImportStatus.DRY_RUN, COUNTS, null, "{}");

        assertThatThrownBy(() -> run.finish(ImportStatus.COMMITTED, COUNTS, null, "{}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has finished already (DRY_RUN)");
        assertThat(run.status()).isEqualTo(ImportStatus.DRY_RUN);
    }

    @Test
    void should_refuse_to_finish_as_running_and_counts_below_zero() {
        ImportRun run = new ImportRun(ImportSourceKind.DJANGO_DATABASE, "jdbc:postgresql://db/legacy", false, false);

        assertThatThrownBy(() -> run.finish(ImportStatus.RUNNING, COUNTS, null, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportCounts(-1, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_cut_a_long_source_description_and_failure_to_their_columns() {
        ImportRun run = new ImportRun(ImportSourceKind.DJANGO_FIXTURE, "f".repeat(600), false, false);

        run.finish(ImportStatus.FAILED, ImportCounts.none(), "x".repeat(1500), "{}");

        assertThat(run.sourceDescription()).hasSize(ImportRun.MAX_DESCRIPTION).endsWith("\u2026");
        assertThat(run.failure()).hasSize(ImportRun.MAX_FAILURE);
    }
}
