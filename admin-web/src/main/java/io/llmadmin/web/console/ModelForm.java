package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelView;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model page's form edits: the fields of the admin API's create and update, as the page's inputs bind them,
 * plus what the form does not show (extra kwargs, fallbacks, the other capabilities, parameter ranges) carried over
 * unchanged from the loaded model, and the version it was loaded at. {@link #toDraft()} states it all to the registry,
 * which alone validates it; {@link #COMPONENT_OF_FIELD} puts each of the registry's field errors on its input.
 */
public class ModelForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The registry's field paths (the admin API's JSON) and the ids of the inputs that edit them. */
    static final Map<String, String> COMPONENT_OF_FIELD = Map.ofEntries(
            Map.entry("id", "catalogId"),
            Map.entry("type", "type"),
            Map.entry("provider", "provider"),
            Map.entry("providerModelName", "providerModelName"),
            Map.entry("displayName", "displayName"),
            Map.entry("vendor", "vendor"),
            Map.entry("description", "description"),
            Map.entry("sortOrder", "sortOrder"),
            Map.entry("apiBase", "apiBase"),
            Map.entry("contextLength", "contextLength"),
            Map.entry("limits.requestsPerMinute", "requestsPerMinute"),
            Map.entry("limits.inputTokensPerMinute", "inputTokensPerMinute"),
            Map.entry("limits.outputTokensPerMinute", "outputTokensPerMinute"),
            Map.entry("credentialId", "credential"));

    private String catalogId;
    private String type = ModelType.CHAT.apiName();
    private String provider;
    private String providerModelName;
    private String displayName;
    private String vendor;
    private String description;
    private Integer sortOrder = ModelDraft.DEFAULT_SORT_ORDER;
    private String apiBase;
    private Integer contextLength = 0;
    private Integer requestsPerMinute = 0;
    private Integer inputTokensPerMinute = 0;
    private Integer outputTokensPerMinute = 0;
    private boolean vision;
    private boolean active = true;
    /** The vault credential calls use; null for the provider's default one of the model's endpoint. */
    private Long credentialId;

    // Not on the form: kept as loaded, so that saving the form changes only what it shows.
    private String extraKwargsJson;
    private ArrayList<String> fallbacks = new ArrayList<>();
    private boolean streaming = ModelCapabilities.DEFAULT.streaming();
    private boolean tools;
    private boolean jsonOutput;
    private boolean reasoning;
    private double temperatureMin = ParameterRanges.DEFAULT.temperatureMin();
    private double temperatureMax = ParameterRanges.DEFAULT.temperatureMax();
    private double topPMin = ParameterRanges.DEFAULT.topPMin();
    private double topPMax = ParameterRanges.DEFAULT.topPMax();
    private int maxOutputTokens = ParameterRanges.DEFAULT.maxOutputTokens();

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
        form.sortOrder = model.sortOrder();
        form.apiBase = model.apiBase();
        form.contextLength = model.contextLength();
        form.requestsPerMinute = model.limitRequestsPerMinute();
        form.inputTokensPerMinute = model.limitInputTokensPerMinute();
        form.outputTokensPerMinute = model.limitOutputTokensPerMinute();
        ModelCapabilities capabilities = model.capabilities();
        form.vision = capabilities.vision();
        form.active = model.active();
        form.credentialId = model.credentialId();
        form.extraKwargsJson = model.extraKwargsJson();
        form.fallbacks = new ArrayList<>(model.fallbacks());
        form.streaming = capabilities.streaming();
        form.tools = capabilities.tools();
        form.jsonOutput = capabilities.jsonOutput();
        form.reasoning = capabilities.reasoning();
        ParameterRanges ranges = model.parameterRanges();
        form.temperatureMin = ranges.temperatureMin();
        form.temperatureMax = ranges.temperatureMax();
        form.topPMin = ranges.topPMin();
        form.topPMax = ranges.topPMax();
        form.maxOutputTokens = ranges.maxOutputTokens();
        form.version = model.version();
        return form;
    }

    /** Everything the form states, as given (empty numbers are 0, as in the API); the registry checks it. */
    ModelDraft toDraft() {
        return new ModelDraft(
                trimmed(catalogId),
                type == null ? null : ModelType.fromLabel(type).orElse(null),
                trimmed(provider),
                blankToNull(vendor),
                trimmed(providerModelName),
                trimmed(displayName),
                blankToNull(description),
                orZero(sortOrder),
                blankToNull(apiBase),
                orZero(contextLength),
                orZero(requestsPerMinute),
                orZero(inputTokensPerMinute),
                orZero(outputTokensPerMinute),
                extraKwargsJson,
                active,
                List.copyOf(fallbacks),
                new ModelCapabilities(streaming, vision, tools, jsonOutput, reasoning),
                temperatureMin,
                temperatureMax,
                topPMin,
                topPMax,
                maxOutputTokens,
                credentialId);
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(Long credentialId) {
        this.credentialId = credentialId;
    }

    /** The id of the input that edits a field the registry named, if the form shows that field. */
    static Optional<String> componentOf(String field) {
        return Optional.ofNullable(COMPONENT_OF_FIELD.get(field));
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
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

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase;
    }

    public Integer getContextLength() {
        return contextLength;
    }

    public void setContextLength(Integer contextLength) {
        this.contextLength = contextLength;
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getInputTokensPerMinute() {
        return inputTokensPerMinute;
    }

    public void setInputTokensPerMinute(Integer inputTokensPerMinute) {
        this.inputTokensPerMinute = inputTokensPerMinute;
    }

    public Integer getOutputTokensPerMinute() {
        return outputTokensPerMinute;
    }

    public void setOutputTokensPerMinute(Integer outputTokensPerMinute) {
        this.outputTokensPerMinute = outputTokensPerMinute;
    }

    public boolean isVision() {
        return vision;
    }

    public void setVision(boolean vision) {
        this.vision = vision;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
