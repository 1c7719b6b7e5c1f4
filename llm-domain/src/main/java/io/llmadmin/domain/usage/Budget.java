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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A cap on what one gateway key or one model may spend per calendar period (UTC). */
@Entity
@Cacheable(false)
@Table(name = "budget")
public class Budget {

    /** What a budget caps. */
    public enum Scope {
        /** A gateway key, by name: every call made with it. */
        KEY,
        /** A model, by catalog id: every call to it, whoever calls. */
        MODEL
    }

    /** The period a budget's amount is for; each starts at 00:00 UTC (weeks on Monday). */
    public enum Period {
        DAY,
        WEEK,
        MONTH
    }

    @Id
    @SequenceGenerator(name = "budget_seq", sequenceName = "budget_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false, length = 10)
    private Scope scope;

    @Column(name = "subject", nullable = false, length = 100)
    private String subject;

    @Column(name = "amount", nullable = false, precision = 20, scale = 8)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "period", nullable = false, length = 10)
    private Period period;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** For JPA only. */
    protected Budget() {}

    public Budget(Scope scope, String subject, BigDecimal amount, String currency, Period period, OffsetDateTime at) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.subject = RequiredText.require(subject, "subject", 100);
        this.createdAt = Objects.requireNonNull(at, "createdAt");
        change(amount, currency, period);
    }

    /** A new amount, currency or period; what was spent in the current period still counts. */
    public void change(BigDecimal amount, String currency, Period period) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be >= 0");
        }
        this.amount = amount;
        this.currency = RequiredText.require(currency, "currency", 3);
        this.period = Objects.requireNonNull(period, "period");
    }

    public Long id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public String subject() {
        return subject;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Period period() {
        return period;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
