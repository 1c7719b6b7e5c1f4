package it.llmadmin.admin;

import static it.llmadmin.ServerUnderTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
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
                        "/api/admin/gateway-keys/{id}/revoke",
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
    void should_serve_the_openapi_ui() {
        assertThat(get("/openapi/ui/").statusCode()).isEqualTo(200);
    }
}
