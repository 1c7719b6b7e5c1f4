package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelView;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the model page's form edits: every field of the admin API's create and update, as the page's inputs bind them,
 * and the version it was loaded at. Numbers are bound as the text typed, so that a mistyped number is reported with
 * every other mistake of the same save ({@link #inputErrors()}) instead of stopping the page before the registry could
 * say the rest. {@link #toDraft()} states it all to the registry, which alone decides what is valid;
 * {@link ModelFormInputs} names the input each of the registry's field errors goes on.
 *
 * <p>A little over 400 lines because JSF binds each of its some thirty inputs through a getter and a setter (over half the
 * file); what it does besides (load, check, state, order the fallbacks) is short.
 */
public class ModelForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String catalogId;
    private String type = ModelType.CHAT.apiName();
    private String provider;
    private String providerModelName;
    private String displayName;
    private String vendor;
    private String description;
    private String sortOrder = String.valueOf(ModelDraft.DEFAULT_SORT_ORDER);
    private String apiBase;
    private String contextLength = "0";
    private String requestsPerMinute = "0";
    private String inputTokensPerMinute = "0";
    private String outputTokensPerMinute = "0";
    private boolean active = true;
    /** The vault credential calls use; null for the provider's default one of the model's endpoint. */
    private Long credentialId;

    private String extraKwargs;
    private ArrayList<String> fallbacks = new ArrayList<>();
    private boolean streaming = ModelCapabilities.DEFAULT.streaming();
    private boolean vision;
    private boolean tools;
    private boolean jsonOutput;
    private boolean reasoning;
    private boolean logPayloads;
    private String temperatureMin = decimal(ParameterRanges.DEFAULT.temperatureMin());
    private String temperatureMax = decimal(ParameterRanges.DEFAULT.temperatureMax());
    private String topPMin = decimal(ParameterRanges.DEFAULT.topPMin());
    private String topPMax = decimal(ParameterRanges.DEFAULT.topPMax());
    private String maxOutputTokens = String.valueOf(ParameterRanges.DEFAULT.maxOutputTokens());

    private long version = -1;

    /** An empty form for a new model, with the admin API's defaults. */
    public ModelForm() {}

    /** A form holding a stored model, at the version it was read. */
    static ModelForm of(ModelView model) {
        ModelForm form = new ModelForm();
        form.catalogId = model.catalogId();
        form.type = model.type().apiName();
        form.provider = model.provider();
        form.providerModelName = model.providerModelName();
        form.displayName = model.displayName();
        form.vendor = model.vendor();
        form.description = model.description();
        form.sortOrder = String.valueOf(model.sortOrder());
        form.apiBase = model.apiBase();
        form.contextLength = String.valueOf(model.contextLength());
        form.requestsPerMinute = String.valueOf(model.limitRequestsPerMinute());
        form.inputTokensPerMinute = String.valueOf(model.limitInputTokensPerMinute());
        form.outputTokensPerMinute = String.valueOf(model.limitOutputTokensPerMinute());
        form.active = model.active();
        form.credentialId = model.credentialId();
        form.extraKwargs = model.extraKwargsJson();
        form.fallbacks = new ArrayList<>(model.fallbacks());
        ModelCapabilities capabilities = model.capabilities();
        form.streaming = capabilities.streaming();
        form.vision = capabilities.vision();
        form.tools = capabilities.tools();
        form.jsonOutput = capabilities.jsonOutput();
        form.reasoning = capabilities.reasoning();
        form.logPayloads = model.logPayloads();
        ParameterRanges ranges = model.parameterRanges();
        form.temperatureMin = decimal(ranges.temperatureMin());
        form.temperatureMax = decimal(ranges.temperatureMax());
        form.topPMin = decimal(ranges.topPMin());
        form.topPMax = decimal(ranges.topPMax());
        form.maxOutputTokens = String.valueOf(ranges.maxOutputTokens());
        form.version = model.version();
        return form;
    }

    /**
     * What the registry cannot be asked about because the form cannot even state it: numbers that are not numbers and
     * extra kwargs that are not JSON, each under the admin API's name of its field.
     */
    List<FieldError> inputErrors() {
        List<FieldError> errors = new ArrayList<>();
        FormNumbers.checkWhole(errors, "sortOrder", sortOrder);
        FormNumbers.checkWhole(errors, "contextLength", contextLength);
        FormNumbers.checkWhole(errors, "limits.requestsPerMinute", requestsPerMinute);
        FormNumbers.checkWhole(errors, "limits.inputTokensPerMinute", inputTokensPerMinute);
        FormNumbers.checkWhole(errors, "limits.outputTokensPerMinute", outputTokensPerMinute);
        FormNumbers.checkDecimal(errors, "parameters.temperatureMin", temperatureMin);
        FormNumbers.checkDecimal(errors, "parameters.temperatureMax", temperatureMax);
        FormNumbers.checkDecimal(errors, "parameters.topPMin", topPMin);
        FormNumbers.checkDecimal(errors, "parameters.topPMax", topPMax);
        FormNumbers.checkWhole(errors, "parameters.maxTokens", maxOutputTokens);
        FormNumbers.checkJsonObject(errors, "extraKwargs", extraKwargsOrNull());
        return errors;
    }

    /**
     * Everything the form states, as given (empty numbers are their API defaults); a number that is not one is stated
     * as its default, and {@link #inputErrors()} reports it.
     */
    ModelDraft toDraft() {
        return new ModelDraft(
                trimmed(catalogId),
                type == null ? null : ModelType.fromLabel(type).orElse(null),
                trimmed(provider),
                blankToNull(vendor),
                trimmed(providerModelName),
                trimmed(displayName),
                blankToNull(description),
                FormNumbers.whole(sortOrder, ModelDraft.DEFAULT_SORT_ORDER),
                blankToNull(apiBase),
                FormNumbers.whole(contextLength, 0),
                FormNumbers.whole(requestsPerMinute, 0),
                FormNumbers.whole(inputTokensPerMinute, 0),
                FormNumbers.whole(outputTokensPerMinute, 0),
                extraKwargsOrNull(),
                active,
                List.copyOf(fallbacks),
                new ModelCapabilities(streaming, vision, tools, jsonOutput, reasoning),
                FormNumbers.decimal(temperatureMin, ParameterRanges.DEFAULT.temperatureMin()),
                FormNumbers.decimal(temperatureMax, ParameterRanges.DEFAULT.temperatureMax()),
                FormNumbers.decimal(topPMin, ParameterRanges.DEFAULT.topPMin()),
                FormNumbers.decimal(topPMax, ParameterRanges.DEFAULT.topPMax()),
                FormNumbers.whole(maxOutputTokens, ParameterRanges.DEFAULT.maxOutputTokens()),
                credentialId,
                logPayloads);
    }

    private String extraKwargsOrNull() {
        return extraKwargs == null || extraKwargs.isBlank() ? null : extraKwargs.strip();
    }

    /** Adds a fallback at the end of the list; false when it is already listed. */
    boolean addFallback(String fallback) {
        if (fallbacks.contains(fallback)) {
            return false;
        }
        fallbacks.add(fallback);
        return true;
    }

    void removeFallback(String fallback) {
        fallbacks.remove(fallback);
    }

    /** Moves a fallback one place earlier (-1) or later (+1); nothing at either end. */
    void moveFallback(String fallback, int delta) {
        int from = fallbacks.indexOf(fallback);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= fallbacks.size()) {
            return;
        }
        fallbacks.set(from, fallbacks.get(to));
        fallbacks.set(to, fallback);
    }

    public List<String> getFallbacks() {
        return List.copyOf(fallbacks);
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Whether this form holds a stored model (an edit) rather than a new one. */
    public boolean isStored() {
        return version >= 0;
    }

    /** The version the form was loaded at; -1 for a new model. */
    public long getVersion() {
        return version;
    }

    public String getCatalogId() {
        return catalogId;
    }

    public void setCatalogId(String catalogId) {
        this.catalogId = catalogId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getProviderModelName() {
        return providerModelName;
    }

    public void setProviderModelName(String providerModelName) {
        this.providerModelName = providerModelName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase;
    }

    public String getContextLength() {
        return contextLength;
    }

    public void setContextLength(String contextLength) {
        this.contextLength = contextLength;
    }

    public String getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(String requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public String getInputTokensPerMinute() {
        return inputTokensPerMinute;
    }

    public void setInputTokensPerMinute(String inputTokensPerMinute) {
        this.inputTokensPerMinute = inputTokensPerMinute;
    }

    public String getOutputTokensPerMinute() {
        return outputTokensPerMinute;
    }

    public void setOutputTokensPerMinute(String outputTokensPerMinute) {
        this.outputTokensPerMinute = outputTokensPerMinute;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(Long credentialId) {
        this.credentialId = credentialId;
    }

    public String getExtraKwargs() {
        return extraKwargs;
    }

    public void setExtraKwargs(String extraKwargs) {
        this.extraKwargs = extraKwargs;
    }

    public boolean isStreaming() {
        return streaming;
    }

    public void setStreaming(boolean streaming) {
        this.streaming = streaming;
    }

    public boolean isVision() {
        return vision;
    }

    public void setVision(boolean vision) {
        this.vision = vision;
    }

    public boolean isTools() {
        return tools;
    }

    public void setTools(boolean tools) {
        this.tools = tools;
    }

    public boolean isJsonOutput() {
        return jsonOutput;
    }

    public void setJsonOutput(boolean jsonOutput) {
        this.jsonOutput = jsonOutput;
    }

    public boolean isReasoning() {
        return reasoning;
    }

    public void setReasoning(boolean reasoning) {
        this.reasoning = reasoning;
    }

    public boolean isLogPayloads() {
        return logPayloads;
    }

    public void setLogPayloads(boolean logPayloads) {
        this.logPayloads = logPayloads;
    }

    public String getTemperatureMin() {
        return temperatureMin;
    }

    public void setTemperatureMin(String temperatureMin) {
        this.temperatureMin = temperatureMin;
    }

    public String getTemperatureMax() {
        return temperatureMax;
    }

    public void setTemperatureMax(String temperatureMax) {
        this.temperatureMax = temperatureMax;
    }

    public String getTopPMin() {
        return topPMin;
    }

    public void setTopPMin(String topPMin) {
        this.topPMin = topPMin;
    }

    public String getTopPMax() {
        return topPMax;
    }

    public void setTopPMax(String topPMax) {
        this.topPMax = topPMax;
    }

    public String getMaxOutputTokens() {
        return maxOutputTokens;
    }

    public void setMaxOutputTokens(String maxOutputTokens) {
        this.maxOutputTokens = maxOutputTokens;
    }
}
