package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.legacycalls.LegacyCallCount;
import io.llmadmin.services.legacycalls.LegacyCallHistory;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/** The console's overview ({@code /console/index.xhtml}): how many models of each type there are, active or not. */
@Named("overview")
@RequestScoped
public class Overview {

    private final ModelRegistry registry;
    private final LegacyCallHistory legacyCalls;

    private List<TypeCount> rows;
    private List<LegacyCallCount> callSites;

    @Inject
    public Overview(ModelRegistry registry, LegacyCallHistory legacyCalls) {
        this.registry = registry;
        this.legacyCalls = legacyCalls;
    }

    /** For the CDI proxy only. */
    protected Overview() {
        this(null, null);
    }

    /** One row per model type, in the type's order, read from the registry once per request. */
    public List<TypeCount> getRows() {
        if (rows == null) {
            rows = Arrays.stream(ModelType.values())
                    .map(type -> new TypeCount(type.apiName(), count(type, true), count(type, false)))
                    .toList();
        }
        return rows;
    }

    public long getActive() {
        return getRows().stream().mapToLong(TypeCount::getActive).sum();
    }

    public long getInactive() {
        return getRows().stream().mapToLong(TypeCount::getInactive).sum();
    }

    public long getTotal() {
        return getActive() + getInactive();
    }

    /** How many calls the legacy facade has had, over every legacy function and caller. */
    public long getLegacyCalls() {
        return callSites().stream().mapToLong(LegacyCallCount::calls).sum();
    }

    /** How many distinct classes still call the legacy facade. */
    public long getLegacyCallers() {
        return callSites().stream().map(LegacyCallCount::callerClass).distinct().count();
    }

    private List<LegacyCallCount> callSites() {
        if (callSites == null) {
            callSites = legacyCalls.callSites();
        }
        return callSites;
    }

    private long count(ModelType type, boolean active) {
        return registry.list(new ModelQuery(type, null, active, null, null, false, 0, 1))
                .totalItems();
    }

    /** The counts of one model type. */
    public static final class TypeCount {
        private final String type;
        private final long active;
        private final long inactive;

        TypeCount(String type, long active, long inactive) {
            this.type = type;
            this.active = active;
            this.inactive = inactive;
        }

        public String getType() {
            return type;
        }

        public long getActive() {
            return active;
        }

        public long getInactive() {
            return inactive;
        }

        public long getTotal() {
            return active + inactive;
        }
    }
}
