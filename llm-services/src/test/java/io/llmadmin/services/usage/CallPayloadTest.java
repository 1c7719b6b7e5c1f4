package io.llmadmin.services.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.usage.UsagePayload;
import org.junit.jupiter.api.Test;

class CallPayloadTest {

    @Test
    void should_keep_a_side_up_to_the_bound_whole() {
        String text = "a".repeat(UsagePayload.MAX_CHARS);

        assertThat(new CallPayload(text, null).prompt()).isEqualTo(text);
    }

    @Test
    void should_cut_a_longer_side_at_the_bound_and_say_how_much_was_left_out() {
        CallPayload payload = new CallPayload("p".repeat(UsagePayload.MAX_CHARS + 10), "c".repeat(100_000));

        assertThat(payload.prompt())
                .startsWith("p".repeat(UsagePayload.MAX_CHARS))
                .endsWith("\n[truncated: 10 more characters]");
        assertThat(payload.completion())
                .endsWith("[truncated: " + (100_000 - UsagePayload.MAX_CHARS) + " more characters]");
        assertThat(payload.completion().length()).isLessThanOrEqualTo(UsagePayload.MAX_CHARS + 64);
    }

    @Test
    void should_never_split_a_character_of_two_chars() {
        String text = "a".repeat(UsagePayload.MAX_CHARS - 1) + "😀" + "tail";

        assertThat(new CallPayload(null, text).completion()).startsWith("a".repeat(UsagePayload.MAX_CHARS - 1) + "\n");
    }

    @Test
    void should_mask_the_provider_key_before_cutting_so_no_part_of_it_is_kept() {
        String key = "sk-provider-key-0123456789";
        String answer = "x".repeat(UsagePayload.MAX_CHARS - 5) + key;

        CallPayload payload = CallPayload.masking(key, "echo " + key, answer);

        assertThat(payload.prompt()).isEqualTo("echo ***");
        assertThat(payload.completion()).doesNotContain("sk-pro").endsWith("***");
        assertThat(payload.toString()).doesNotContain("echo");
    }
}
