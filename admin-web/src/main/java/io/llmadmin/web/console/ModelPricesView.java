package io.llmadmin.web.console;

import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.pricing.ModelPrices;
import io.llmadmin.services.pricing.Price;
import io.llmadmin.services.pricing.PriceDraft;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The price section of a stored model's page ({@code console/model-prices.xhtml}, included by the model page): its
 * price history, and for admins a form adding a price in force from now. Its own bean, so the model editor stays as
 * it is; the model comes from the page's {@code id} parameter, read when the view is built.
 */
@Named("modelPrices")
@ViewScoped
public class ModelPricesView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> INPUTS = Map.of(
            "currency", "priceForm:currency",
            "inputPerMillion", "priceForm:inputPerMillion",
            "outputPerMillion", "priceForm:outputPerMillion",
            "cachedInputPerMillion", "priceForm:cachedInputPerMillion",
            "perImage", "priceForm:perImage",
            "perAudioSecond", "priceForm:perAudioSecond");

    private final ModelPrices prices;
    private final SignedInUser signedIn;

    private String modelId;
    private List<Price> history = List.of();
    private String currency = "USD";
    private BigDecimal inputPerMillion;
    private BigDecimal outputPerMillion;
    private BigDecimal cachedInputPerMillion;
    private BigDecimal perImage;
    private BigDecimal perAudioSecond;

    @Inject
    public ModelPricesView(ModelPrices prices, SignedInUser signedIn) {
        this.prices = prices;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected ModelPricesView() {
        this(null, null);
    }

    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String id = faces == null
                ? null
                : faces.getExternalContext().getRequestParameterMap().get("id");
        modelId = id == null || id.isBlank() ? null : id;
        refresh();
    }

    private void refresh() {
        if (modelId == null) {
            history = List.of();
            return;
        }
        List<Price> newestFirst = new ArrayList<>(prices.history(modelId));
        Collections.reverse(newestFirst);
        history = newestFirst;
    }

    /** Adds the price typed, in force from now; the field errors land next to their inputs. */
    public void add() {
        if (!signedIn.isAdmin() || modelId == null) {
            ConsoleMessages.error("Only admins can price a stored model.");
            return;
        }
        try {
            prices.add(
                    signedIn.getName(),
                    modelId,
                    new PriceDraft(
                            null,
                            currency == null ? null : currency.trim(),
                            inputPerMillion,
                            outputPerMillion,
                            cachedInputPerMillion,
                            perImage,
                            perAudioSecond));
            ConsoleMessages.info("Price saved: calls from now on cost this; earlier calls keep their price.");
            refresh();
        } catch (InvalidChangeException e) {
            ConsoleMessages.fieldErrors(e.fieldErrors(), INPUTS);
        } catch (UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public boolean isAvailable() {
        return modelId != null;
    }

    public List<Price> getHistory() {
        return history;
    }

    /** The amount as typed, without trailing zeros; blank for none. */
    public String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getInputPerMillion() {
        return inputPerMillion;
    }

    public void setInputPerMillion(BigDecimal inputPerMillion) {
        this.inputPerMillion = inputPerMillion;
    }

    public BigDecimal getOutputPerMillion() {
        return outputPerMillion;
    }

    public void setOutputPerMillion(BigDecimal outputPerMillion) {
        this.outputPerMillion = outputPerMillion;
    }

    public BigDecimal getCachedInputPerMillion() {
        return cachedInputPerMillion;
    }

    public void setCachedInputPerMillion(BigDecimal cachedInputPerMillion) {
        this.cachedInputPerMillion = cachedInputPerMillion;
    }

    public BigDecimal getPerImage() {
        return perImage;
    }

    public void setPerImage(BigDecimal perImage) {
        this.perImage = perImage;
    }

    public BigDecimal getPerAudioSecond() {
        return perAudioSecond;
    }

    public void setPerAudioSecond(BigDecimal perAudioSecond) {
        this.perAudioSecond = perAudioSecond;
    }
}
