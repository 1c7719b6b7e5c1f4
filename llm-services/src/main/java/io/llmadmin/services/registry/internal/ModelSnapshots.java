package io.llmadmin.services.registry.internal;

import static io.llmadmin.services.json.JsonProviders.JSON;

import io.llmadmin.domain.model.ModelCapabilities;
import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ParameterRanges;
import io.llmadmin.services.audit.SecretMasking;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** A model as the masked JSON an audit event keeps: every field, secrets masked. */
final class ModelSnapshots {

    private ModelSnapshots() {}

    static String maskedJson(ModelConfiguration model) {
        ModelCapabilities capabilities = model.capabilities();
        ParameterRanges ranges = model.parameterRanges();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", model.catalogId())
                .add("type", model.type().apiName())
                .add("provider", model.provider())
                .add("providerModelName", model.providerModelName())
                .add("displayName", model.displayName());
        addNullable(json, "vendor", model.vendor());
        addNullable(json, "description", model.description());
        json.add("sortOrder", model.sortOrder());
        addNullable(json, "apiBase", SecretMasking.maskUrl(model.apiBase()));
        if (model.credentialId() != null) {
            json.add("credentialId", model.credentialId());
        }
        json.add("contextLength", model.contextLength())
                .add(
                        "limits",
                        JSON.createObjectBuilder()
                                .add("requestsPerMinute", model.limitRequestsPerMinute())
                                .add("inputTokensPerMinute", model.limitInputTokensPerMinute())
                                .add("outputTokensPerMinute", model.limitOutputTokensPerMinute()))
                .add("active", model.active())
                .add("fallbacks", JSON.createArrayBuilder(model.fallbacks()))
                .add(
                        "capabilities",
                        JSON.createObjectBuilder()
                                .add("streaming", capabilities.streaming())
                                .add("vision", capabilities.vision())
                                .add("tools", capabilities.tools())
                                .add("jsonOutput", capabilities.jsonOutput())
                                .add("reasoning", capabilities.reasoning()))
                .add(
                        "parameters",
                        JSON.createObjectBuilder()
                                .add("temperatureMin", ranges.temperatureMin())
                                .add("temperatureMax", ranges.temperatureMax())
                                .add("topPMin", ranges.topPMin())
                                .add("topPMax", ranges.topPMax())
                                .add("maxTokens", ranges.maxOutputTokens()))
                .add("logPayloads", model.logsPayloads())
                .add("version", model.version());
        String kwargs = model.extraKwargsJson();
        if (kwargs != null && !kwargs.isEmpty()) {
            try (JsonReader reader = JSON.createReader(new StringReader(kwargs))) {
                json.add("extraKwargs", SecretMasking.mask(reader.readValue()));
            } catch (JsonException e) {
                json.add("extraKwargs", SecretMasking.MASK);
            }
        }
        return json.build().toString();
    }

    private static void addNullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
