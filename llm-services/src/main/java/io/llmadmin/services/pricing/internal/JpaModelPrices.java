package io.llmadmin.services.pricing.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.usage.ModelPrice;
import io.llmadmin.services.audit.AuditLog;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.pricing.ModelPrices;
import io.llmadmin.services.pricing.Price;
import io.llmadmin.services.pricing.PriceDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Price rows in {@code model_price}. Pricing a call happens on the request path (the budget guard) and in the usage
 * writer, so each model's history is kept in memory for {@code LLMADMIN_PRICE_CACHE_SECONDS} (default 30): a price
 * saved here is seen at once, one saved on another instance within that time.
 */
@ApplicationScoped
public class JpaModelPrices implements ModelPrices {

    static final String ENTITY_TYPE = "MODEL_PRICE";

    private final EntityManager entityManager;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public JpaModelPrices(
            EntityManager entityManager,
            AuditLog auditLog,
            @ConfigProperty(name = "LLMADMIN_PRICE_CACHE_SECONDS", defaultValue = "30") long cacheSeconds) {
        this(entityManager, auditLog, Clock.systemUTC(), Duration.ofSeconds(Math.max(0, cacheSeconds)));
    }

    JpaModelPrices(EntityManager entityManager, AuditLog auditLog, Clock clock, Duration cacheFor) {
        this.entityManager = entityManager;
        this.auditLog = auditLog;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** For the CDI proxy only. */
    protected JpaModelPrices() {
        this(null, null, Clock.systemUTC(), Duration.ZERO);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Price> history(String modelId) {
        Instant now = clock.instant();
        Cached cached = cache.get(modelId);
        if (cached != null && now.isBefore(cached.until)) {
            return cached.prices;
        }
        List<Price> prices = entityManager
                .createQuery(
                        "SELECT p FROM ModelPrice p WHERE p.modelId = :model ORDER BY p.effectiveFrom, p.id",
                        ModelPrice.class)
                .setParameter("model", modelId)
                .getResultList()
                .stream()
                .map(Price::of)
                .toList();
        cache.put(modelId, new Cached(prices, now.plus(cacheFor)));
        return prices;
    }

    @Override
    public Optional<Price> at(String modelId, Instant moment) {
        Price found = null;
        for (Price price : history(modelId)) {
            if (price.effectiveFrom().isAfter(moment)) {
                break;
            }
            found = price;
        }
        return Optional.ofNullable(found);
    }

    @Override
    @Transactional
    public Price add(String actor, String modelId, PriceDraft draft) {
        Instant now = clock.instant();
        draft.check(now);
        Long models = entityManager
                .createQuery("SELECT COUNT(m) FROM ModelConfiguration m WHERE m.catalogId = :id", Long.class)
                .setParameter("id", modelId)
                .getSingleResult();
        if (models == 0) {
            throw new UnknownEntityException("No model with id '" + modelId + "'");
        }
        Instant from =
                draft.effectiveFrom() == null || draft.effectiveFrom().isBefore(now) ? now : draft.effectiveFrom();
        ModelPrice row = new ModelPrice(
                modelId,
                from.atOffset(ZoneOffset.UTC),
                draft.currency(),
                draft.inputPerMillion(),
                draft.outputPerMillion(),
                draft.cachedInputPerMillion(),
                draft.perImage(),
                draft.perAudioSecond(),
                actor,
                now.atOffset(ZoneOffset.UTC));
        entityManager.persist(row);
        entityManager.flush();
        Price saved = Price.of(row);
        auditLog.record(actor, "PRICE", ENTITY_TYPE, modelId, null, snapshot(saved));
        cache.remove(modelId);
        return saved;
    }

    private static String snapshot(Price price) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("modelId", price.modelId())
                .add("effectiveFrom", price.effectiveFrom().toString())
                .add("currency", price.currency());
        amount(json, "inputPerMillion", price.inputPerMillion());
        amount(json, "outputPerMillion", price.outputPerMillion());
        amount(json, "cachedInputPerMillion", price.cachedInputPerMillion());
        amount(json, "perImage", price.perImage());
        amount(json, "perAudioSecond", price.perAudioSecond());
        return json.build().toString();
    }

    private static void amount(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value != null) {
            json.add(name, value.stripTrailingZeros().toPlainString());
        }
    }

    private record Cached(List<Price> prices, Instant until) {}
}
