package io.llmadmin.services.budgets.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses where budget spend is kept: shared through Redis when {@code REDIS_URL} is set (as the rate limits), in this
 * instance's memory otherwise.
 */
@ApplicationScoped
public class BudgetWindowsProducer {

    private static final Logger LOG = Logger.getLogger(BudgetWindowsProducer.class.getName());

    private final Optional<String> redisUrl;
    private final String keyPrefix;

    @Inject
    public BudgetWindowsProducer(
            @ConfigProperty(name = "REDIS_URL") Optional<String> redisUrl,
            @ConfigProperty(name = "LLMADMIN_BUDGET_REDIS_KEY_PREFIX", defaultValue = "llmadmin:budget:")
                    String keyPrefix) {
        this.redisUrl = redisUrl.map(String::trim).filter(url -> !url.isEmpty());
        this.keyPrefix = keyPrefix;
    }

    /** For the CDI proxy only. */
    protected BudgetWindowsProducer() {
        this.redisUrl = Optional.empty();
        this.keyPrefix = null;
    }

    @Produces
    @ApplicationScoped
    public BudgetWindows budgetWindows() {
        if (redisUrl.isPresent()) {
            RedisBudgetWindows windows = new RedisBudgetWindows(redisUrl.get(), keyPrefix);
            LOG.info(() -> "Budget spend is shared by every instance through Redis at " + windows.where());
            return windows;
        }
        LOG.info("Budget spend is kept in this instance's memory; set REDIS_URL to share it between instances");
        return new InProcessBudgetWindows();
    }

    public void close(@Disposes BudgetWindows windows) {
        if (windows instanceof RedisBudgetWindows redis) {
            redis.close();
        }
    }
}
