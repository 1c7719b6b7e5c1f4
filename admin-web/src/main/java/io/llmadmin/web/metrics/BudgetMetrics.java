package io.llmadmin.web.metrics;

import io.llmadmin.services.budgets.BudgetView;
import io.llmadmin.services.budgets.Budgets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The budgets' 80 % warning as an application metric: the gauge {@code llmadmin_budgets_warning} counts the budgets
 * that have spent at least 80 % of their amount in the current period (and {@code llmadmin_budgets_exhausted} those
 * at 100 %), read from the budgets when scraped, so an alert needs no console. Which budgets they are is the admin
 * API's {@code warning} field.
 */
@ApplicationScoped
public class BudgetMetrics {

    private static final Logger LOG = Logger.getLogger(BudgetMetrics.class.getName());

    private final MetricRegistry registry;
    private final Budgets budgets;

    @Inject
    public BudgetMetrics(MetricRegistry registry, Budgets budgets) {
        this.registry = registry;
        this.budgets = budgets;
    }

    /** For the CDI proxy only. */
    protected BudgetMetrics() {
        this(null, null);
    }

    void publishOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        registry.gauge(
                Metadata.builder()
                        .withName("llmadmin.budgets.warning")
                        .withDescription("Budgets that have spent at least 80 % of their amount in the current period")
                        .build(),
                this,
                metrics -> metrics.count(BudgetView.WARNING_PERCENT));
        registry.gauge(
                Metadata.builder()
                        .withName("llmadmin.budgets.exhausted")
                        .withDescription("Budgets that have spent their whole amount in the current period")
                        .build(),
                this,
                metrics -> metrics.count(100));
    }

    private long count(int percent) {
        try {
            return budgets.list().stream()
                    .filter(budget -> budget.percentSpent() >= percent)
                    .count();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the budgets for the metrics", e);
            return -1;
        }
    }
}
