package io.llmadmin.services.ollama.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.ollama.PullStatus;
import io.llmadmin.services.ollama.PullJobView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreeSpaceTest {

    private static final long GB = 1_000_000_000L;
    private static final String LOCAL = "http://127.0.0.1:11434";

    private static PullJobView running(long completed, long total) {
        return new PullJobView(
                "job",
                LOCAL,
                "m",
                "admin",
                PullStatus.RUNNING,
                "pulling",
                completed,
                total,
                null,
                false,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void should_leave_the_bound_less_what_running_pulls_announced() {
        FreeSpace space = new FreeSpace(25 * GB, " ");

        FreeSpace.Budget idle = space.budget(LOCAL, List.of());
        FreeSpace.Budget busy = space.budget(LOCAL, List.of(running(10 * GB, 20 * GB)));
        FreeSpace.Budget full = space.budget(LOCAL, List.of(running(1, 25 * GB)));

        assertThat(idle.bytes()).isEqualTo(25 * GB);
        assertThat(idle.exceededBy(25 * GB)).isFalse();
        assertThat(idle.exceededBy(25 * GB + 1)).isTrue();
        assertThat(busy.bytes()).isEqualTo(5 * GB);
        assertThat(busy.describe()).contains("25000000000").contains("running pulls take 20000000000");
        assertThat(full.exhausted()).isTrue();
        assertThat(idle.exhausted()).isFalse();
    }

    @Test
    void should_know_no_bound_when_none_is_configured() {
        FreeSpace.Budget budget = new FreeSpace(0, "").budget(LOCAL, List.of(running(0, 100 * GB)));

        assertThat(budget.known()).isFalse();
        assertThat(budget.exhausted()).isFalse();
        assertThat(budget.exceededBy(Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void should_take_the_real_free_space_of_a_local_ollamas_models_directory(@TempDir Path models) throws Exception {
        long usable = Files.getFileStore(models).getUsableSpace();
        FreeSpace space = new FreeSpace(Long.MAX_VALUE / 2, models.toString());

        FreeSpace.Budget local = space.budget(LOCAL, List.of(running(GB, 3 * GB)));
        FreeSpace.Budget remote = space.budget("http://gpu-box:11434", List.of());

        // What is usable moves as other processes write; it stays within a gigabyte of the reading before.
        assertThat(local.bytes()).isBetween(usable - 3 * GB, usable - GB);
        assertThat(local.describe()).contains(models.toString()).contains("OLLAMA_MODELS_DIR");
        assertThat(local.exceededBy(usable + GB)).isTrue();
        assertThat(remote.source()).contains("OLLAMA_FREE_SPACE_BYTES");
    }
}
