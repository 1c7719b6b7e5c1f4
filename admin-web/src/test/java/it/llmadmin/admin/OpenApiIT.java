package it.llmadmin.admin;

import static it.llmadmin.ServerUnderTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API is documented at /openapi and browsable at /openapi/ui, without signing in. */
class OpenApiIT {

    @Test
    void should_document_the_admin_api_and_its_basic_authentication() {
        HttpResponse<String> document = get("/openapi");

        assertThat(document.statusCode()).isEqualTo(200);
        JsonObject openApi = AdminClient.json(document);
        assertThat(openApi.getJsonObject("paths").keySet())
                .contains(
                        "/api/admin/models",
                        "/api/admin/models/{id}",
                        "/api/admin/models/{id}/deactivate",
                        "/api/admin/audit",
                        "/api/admin/users",
                        "/api/admin/me/password",
                        "/api/admin/gateway-keys",
                        "/api/admin/gateway-keys/{id}",
                        "/api/admin/gateway-keys/{id}/revoke",
                        "/api/admin/gateway-keys/{id}/regenerate",
                        "/v1/models",
                        "/openai/v1/models",
                        "/openai/v1/chat/completions",
                        "/openai/v1/embeddings");
        assertThat(openApi.getJsonObject("paths").keySet()).noneMatch(path -> path.startsWith("/openai/v1/users"));
        assertThat(openApi.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("basic")
                        .getString("scheme"))
                .isEqualTo("basic");
        assertThat(openApi.getJsonObject("paths")
                        .getJsonObject("/v1/models")
                        .getJsonObject("get")
                        .containsKey("security"))
                .isFalse();
    }

    @Test
    void should_name_the_fields_of_every_admin_request_body() {
        JsonObject openApi = AdminClient.json(get("/openapi"));
        JsonObject schemas = openApi.getJsonObject("components").getJsonObject("schemas");
        List<String> bare = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<String, JsonValue> path : openApi.getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/admin/")) {
                continue;
            }
            for (Map.Entry<String, JsonValue> operation :
                    path.getValue().asJsonObject().entrySet()) {
                if (!(operation.getValue() instanceof JsonObject op) || !op.containsKey("requestBody")) {
                    continue;
                }
                for (JsonValue media :
                        op.getJsonObject("requestBody").getJsonObject("content").values()) {
                    JsonObject schema = media.asJsonObject().getJsonObject("schema");
                    if (schema.containsKey("$ref")) {
                        String name = schema.getString("$ref").replace("#/components/schemas/", "");
                        schema = schemas.getJsonObject(name);
                    }
                    bodies++;
                    // An uploaded file (the importer's fixture and settings) is a binary string, not an object.
                    boolean file = "binary".equals(schema.getString("format", ""));
                    if (!file
                            && (!schema.containsKey("properties")
                                    || schema.getJsonObject("properties").isEmpty())) {
                        bare.add(operation.getKey() + " " + path.getKey());
                    }
                }
            }
        }

        assertThat(bodies).isGreaterThanOrEqualTo(8);
        assertThat(bare).as("request bodies documented as a bare object").isEmpty();
        assertThat(openApi.getJsonObject("paths")
                        .getJsonObject("/api/admin/models/{id}")
                        .getJsonObject("patch")
                        .getJsonObject("requestBody")
                        .toString())
                .contains("#/components/schemas/ModelRequest");
        JsonObject newKey = schemas.getJsonObject("NewKey");
        assertThat(newKey.getJsonObject("properties").keySet())
                .containsExactly("name", "allowedModels", "limits", "expiresAt");
        assertThat(newKey.getJsonArray("required").getString(0)).isEqualTo("name");
        assertThat(newKey.getJsonObject("properties").getJsonObject("expiresAt").getString("format"))
                .isEqualTo("date-time");
        assertThat(schemas.getJsonObject("Limits").getJsonObject("properties").keySet())
                .contains("requestsPerMinute");
        assertThat(schemas.getJsonObject("ModelRequest")
                        .getJsonObject("properties")
                        .keySet())
                .contains("id", "type", "provider", "limits", "fallbacks", "parameters", "logPayloads");
        assertThat(schemas.getJsonObject("ModelRequest").getString("description"))
                .contains("logPayloads", "prompt", "65,536");
    }

    /**
     * The answers' records live in llm-services, a library of the WAR: the scanner indexes the application's packages
     * of every library (microprofile-config.properties), and an index of the WAR's classes alone made them bare.
     */
    @Test
    void should_name_the_answers_whose_records_live_in_the_services() {
        JsonObject openApi = AdminClient.json(get("/openapi"));
        JsonObject routes = openApi.getJsonObject("paths")
                .getJsonObject("/api/admin/routes")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema");

        assertThat(routes.getJsonObject("items").getString("$ref", "(bare)"))
                .isEqualTo("#/components/schemas/RouteView");
    }

    @Test
    void should_serve_the_openapi_ui() {
        assertThat(get("/openapi/ui/").statusCode()).isEqualTo(200);
    }
}
