package io.llmadmin.domain.legacycalls;

import io.llmadmin.domain.support.RequiredText;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One place that still calls the legacy facade: a legacy function (its Python name) and the class that called it, with
 * the calls counted so far by every instance, and when the pair was first and last seen. Instances add their counts
 * with one atomic {@code UPDATE ... SET calls = calls + n}, never by reading and writing the entity back, so two
 * instances flushing at once lose nothing; that is why the entity has no version.
 */
@Entity
@Cacheable(false)
@Table(name = "legacy_call_site")
public class LegacyCallSite {

    public static final int MAX_FUNCTION_LENGTH = 100;
    public static final int MAX_CALLER_CLASS_LENGTH = 500;

    @Id
    @SequenceGenerator(name = "legacy_call_site_seq", sequenceName = "legacy_call_site_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "legacy_call_site_seq")
    private Long id;

    @Column(name = "function_name", nullable = false, length = MAX_FUNCTION_LENGTH)
    private String functionName;

    @Column(name = "caller_class", nullable = false, length = MAX_CALLER_CLASS_LENGTH)
    private String callerClass;

    @Column(name = "calls", nullable = false)
    private long calls;

    @Column(name = "first_seen", nullable = false)
    private OffsetDateTime firstSeen;

    @Column(name = "last_seen", nullable = false)
    private OffsetDateTime lastSeen;

    /** For JPA only. */
    protected LegacyCallSite() {}

    /**
     * A call site seen for the first time.
     *
     * @param functionName the legacy function's Python name, 1 to {@value #MAX_FUNCTION_LENGTH} characters
     * @param callerClass the calling class's fully qualified name, 1 to {@value #MAX_CALLER_CLASS_LENGTH} characters
     * @param calls how many calls, >= 1
     * @param lastSeen when the last of them was made (also the first time seen)
     */
    public LegacyCallSite(String functionName, String callerClass, long calls, OffsetDateTime lastSeen) {
        this.functionName = RequiredText.require(functionName, "functionName", MAX_FUNCTION_LENGTH);
        this.callerClass = RequiredText.require(callerClass, "callerClass", MAX_CALLER_CLASS_LENGTH);
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be >= 1");
        }
        this.calls = calls;
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
        this.firstSeen = lastSeen;
    }

    public Long id() {
        return id;
    }

    public String functionName() {
        return functionName;
    }

    public String callerClass() {
        return callerClass;
    }

    public long calls() {
        return calls;
    }

    public OffsetDateTime firstSeen() {
        return firstSeen;
    }

    public OffsetDateTime lastSeen() {
        return lastSeen;
    }

    @Override
    public String toString() {
        return "LegacyCallSite[" + functionName + " from " + callerClass + ": " + calls + "]";
    }
}
