package io.llmadmin.domain.usage;

import io.llmadmin.domain.support.RequiredText;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One LLM call, counted: which model, who called, how many tokens went in and out (as the provider reported them, or
 * estimated when it did not), how long it took and how it ended. Append-only: a record is never changed after it is
 * written, so it has no version.
 */
@Entity
@Cacheable(false)
@Table(name = "usage_record")
public class UsageRecord {

    public static final int MAX_MODEL_ID_LENGTH = 100;
    public static final int MAX_CALLER_LENGTH = 200;

    @Id
    @SequenceGenerator(name = "usage_record_seq", sequenceName = "usage_record_seq", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "usage_record_seq")
    private Long id;

    @Column(name = "model_id", nullable = false, length = MAX_MODEL_ID_LENGTH)
    private String modelId;

    @Column(name = "caller", nullable = false, length = MAX_CALLER_LENGTH)
    private String caller;

    @Column(name = "tokens_in", nullable = false)
    private int tokensIn;

    @Column(name = "tokens_out", nullable = false)
    private int tokensOut;

    @Column(name = "tokens_estimated", nullable = false)
    private boolean tokensEstimated;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMillis;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 30)
    private UsageOutcome outcome;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    /** What the call cost at the model's price when it started; null when the model had no price then. */
    @Column(name = "cost", precision = 24, scale = 12)
    private BigDecimal cost;

    @Column(name = "currency", length = 3)
    private String currency;

    /** The gateway key's name when the call came through the gateway; null otherwise. */
    @Column(name = "gateway_key", length = 100)
    private String gatewayKey;

    /** Of {@link #tokensIn}, those the provider read from its prompt cache (priced at the cached-input price). */
    @Column(name = "tokens_cached", nullable = false)
    private int tokensCached;

    /** For JPA only. */
    protected UsageRecord() {}

    /**
     * @param modelId the catalog id of the model called
     * @param caller who called (a user, an API client, "legacy"); never a key
     * @param tokensIn prompt tokens, >= 0
     * @param tokensOut completion tokens, >= 0
     * @param tokensEstimated true when the counts are our estimate rather than the provider's report
     * @param latencyMillis from request to last token, >= 0
     * @param outcome how the call ended
     * @param occurredAt when the call started
     */
    public UsageRecord(
            String modelId,
            String caller,
            int tokensIn,
            int tokensOut,
            boolean tokensEstimated,
            long latencyMillis,
            UsageOutcome outcome,
            OffsetDateTime occurredAt) {
        this.modelId = RequiredText.require(modelId, "modelId", MAX_MODEL_ID_LENGTH);
        this.caller = RequiredText.require(caller, "caller", MAX_CALLER_LENGTH);
        if (tokensIn < 0 || tokensOut < 0) {
            throw new IllegalArgumentException("tokensIn and tokensOut must be >= 0");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be >= 0");
        }
        this.tokensIn = tokensIn;
        this.tokensOut = tokensOut;
        this.tokensEstimated = tokensEstimated;
        this.latencyMillis = latencyMillis;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * The same call with its cost and the gateway key it came through.
     *
     * @param cost what it cost, or null when the model had no price
     * @param currency the cost's ISO currency, or null with a null cost
     * @param gatewayKey the gateway key's name, or null
     */
    public UsageRecord(
            String modelId,
            String caller,
            int tokensIn,
            int tokensOut,
            boolean tokensEstimated,
            long latencyMillis,
            UsageOutcome outcome,
            OffsetDateTime occurredAt,
            BigDecimal cost,
            String currency,
            String gatewayKey) {
        this(modelId, caller, tokensIn, tokensOut, tokensEstimated, latencyMillis, outcome, occurredAt);
        if ((cost == null) != (currency == null)) {
            throw new IllegalArgumentException("cost and currency go together");
        }
        if (cost != null && cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be >= 0");
        }
        this.cost = cost;
        this.currency = currency;
        this.gatewayKey = gatewayKey == null ? null : RequiredText.require(gatewayKey, "gatewayKey", 100);
    }

    /**
     * The same call with the input tokens the provider read from its prompt cache.
     *
     * @param tokensCached of {@code tokensIn}, those read from the provider's prompt cache, 0 to {@code tokensIn}
     */
    public UsageRecord(
            String modelId,
            String caller,
            int tokensIn,
            int tokensOut,
            int tokensCached,
            boolean tokensEstimated,
            long latencyMillis,
            UsageOutcome outcome,
            OffsetDateTime occurredAt,
            BigDecimal cost,
            String currency,
            String gatewayKey) {
        this(
                modelId,
                caller,
                tokensIn,
                tokensOut,
                tokensEstimated,
                latencyMillis,
                outcome,
                occurredAt,
                cost,
                currency,
                gatewayKey);
        if (tokensCached < 0 || tokensCached > tokensIn) {
            throw new IllegalArgumentException("tokensCached must be 0 to tokensIn (" + tokensIn + ")");
        }
        this.tokensCached = tokensCached;
    }

    public Long id() {
        return id;
    }

    public String modelId() {
        return modelId;
    }

    public String caller() {
        return caller;
    }

    public int tokensIn() {
        return tokensIn;
    }

    public int tokensOut() {
        return tokensOut;
    }

    public int tokensCached() {
        return tokensCached;
    }

    public boolean tokensEstimated() {
        return tokensEstimated;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public UsageOutcome outcome() {
        return outcome;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public BigDecimal cost() {
        return cost;
    }

    public String currency() {
        return currency;
    }

    public String gatewayKey() {
        return gatewayKey;
    }

    @Override
    public String toString() {
        return "UsageRecord[" + modelId + ", " + caller + ", in=" + tokensIn + ", out=" + tokensOut + ", "
                + latencyMillis + " ms, " + outcome
                + (cost == null ? "" : ", " + cost.toPlainString() + " " + currency) + "]";
    }
}
