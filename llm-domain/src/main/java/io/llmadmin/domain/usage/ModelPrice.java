package io.llmadmin.domain.usage;

import io.llmadmin.domain.support.RequiredText;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A model's prices from {@code effectiveFrom} on, until a later row takes over. Rows are appended, never changed, so
 * a call keeps the price that was in force when it started.
 */
@Entity
@Cacheable(false)
@Table(name = "model_price")
public class ModelPrice {

    @Id
    @SequenceGenerator(name = "model_price_seq", sequenceName = "model_price_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "model_price_seq")
    private Long id;

    @Column(name = "model_id", nullable = false, length = UsageRecord.MAX_MODEL_ID_LENGTH)
    private String modelId;

    @Column(name = "effective_from", nullable = false)
    private OffsetDateTime effectiveFrom;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "input_per_million", nullable = false, precision = 20, scale = 8)
    private BigDecimal inputPerMillion;

    @Column(name = "output_per_million", nullable = false, precision = 20, scale = 8)
    private BigDecimal outputPerMillion;

    @Column(name = "cached_input_per_million", precision = 20, scale = 8)
    private BigDecimal cachedInputPerMillion;

    @Column(name = "per_image", precision = 20, scale = 8)
    private BigDecimal perImage;

    @Column(name = "per_audio_second", precision = 20, scale = 8)
    private BigDecimal perAudioSecond;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** For JPA only. */
    protected ModelPrice() {}

    /** The amounts are checked by the service that creates rows; here only what the schema needs. */
    public ModelPrice(
            String modelId,
            OffsetDateTime effectiveFrom,
            String currency,
            BigDecimal inputPerMillion,
            BigDecimal outputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal perImage,
            BigDecimal perAudioSecond,
            String createdBy,
            OffsetDateTime createdAt) {
        this.modelId = RequiredText.require(modelId, "modelId", UsageRecord.MAX_MODEL_ID_LENGTH);
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.currency = RequiredText.require(currency, "currency", 3);
        this.inputPerMillion = Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        this.outputPerMillion = Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        this.cachedInputPerMillion = cachedInputPerMillion;
        this.perImage = perImage;
        this.perAudioSecond = perAudioSecond;
        this.createdBy = RequiredText.require(createdBy, "createdBy", 100);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long id() {
        return id;
    }

    public String modelId() {
        return modelId;
    }

    public OffsetDateTime effectiveFrom() {
        return effectiveFrom;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal inputPerMillion() {
        return inputPerMillion;
    }

    public BigDecimal outputPerMillion() {
        return outputPerMillion;
    }

    public BigDecimal cachedInputPerMillion() {
        return cachedInputPerMillion;
    }

    public BigDecimal perImage() {
        return perImage;
    }

    public BigDecimal perAudioSecond() {
        return perAudioSecond;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
