package io.llmadmin.domain.usage;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The prompt and answer of one call, kept only for a model whose "log payloads" switch was on when it was called: in a
 * table of its own, so {@link UsageRecord} rows stay small, and deleted with its usage row. Append-only.
 */
@Entity
@Cacheable(false)
@Table(name = "usage_payload")
public class UsagePayload {

    /** The most characters kept of each side; longer text is cut to fit, ending in a marker that says so. */
    public static final int MAX_CHARS = 65_536;

    @Id
    @Column(name = "usage_id", nullable = false)
    private Long usageId;

    /** The call's messages, as JSON; null when there were none to keep. */
    @Column(name = "prompt", length = MAX_CHARS + 64)
    private String prompt;

    /** The answer's text; null when the call brought none (it failed, or answered with tool calls only). */
    @Column(name = "completion", length = MAX_CHARS + 64)
    private String completion;

    /** For JPA only. */
    protected UsagePayload() {}

    /**
     * @param usageId the id of the {@link UsageRecord} it belongs to
     * @param prompt at most {@link #MAX_CHARS} characters and the marker, or null
     * @param completion at most {@link #MAX_CHARS} characters and the marker, or null
     */
    public UsagePayload(long usageId, String prompt, String completion) {
        this.usageId = usageId;
        this.prompt = prompt;
        this.completion = completion;
    }

    public long usageId() {
        return usageId;
    }

    public String prompt() {
        return prompt;
    }

    public String completion() {
        return completion;
    }
}
