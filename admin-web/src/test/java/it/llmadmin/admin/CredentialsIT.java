package it.llmadmin.admin;

import static it.llmadmin.admin.AdminClient.admin;
import static it.llmadmin.admin.AdminClient.json;
import static it.llmadmin.admin.AdminClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import it.llmadmin.ItSecrets;
import it.llmadmin.ServerUnderTest;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials on the user's path, against the running server: an admin creates a credential for a local
 * OpenAI-compatible server that checks the bearer token, attaches it to a new model, tests both, and an application
 * calls the model through {@code /openai/v1} with a gateway key; a model elsewhere is refused the credential; the
 * secret shows in no answer, log line or database file.
 */
class CredentialsIT {

    private static final String SECRET = ItSecrets.PROVIDER_SECRET;
    private static final String WRONG = ItSecrets.WRONG_PROVIDER_SECRET;

    /** Every answer this test received, to grep for the secrets at the end. */
    private static final List<String> ANSWERS = new ArrayList<>();

    private static BearerCheckingProvider provider;
    private static BearerCheckingProvider elsewhere;
    private static final List<String> MODELS = new ArrayList<>();
    private static final List<Long> CREDENTIALS = new ArrayList<>();

    @BeforeAll
    static void startProviders() throws IOException {
        provider = new BearerCheckingProvider(SECRET);
        elsewhere = new BearerCheckingProvider(SECRET);
    }

    @AfterAll
    static void cleanUp() {
        MODELS.forEach(AdminClient::deleteQuietly);
        CREDENTIALS.forEach(id -> admin().delete("/api/admin/credentials/" + id));
        if (provider != null) {
            provider.close();
        }
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    private static HttpResponse<String> kept(HttpResponse<String> response) {
        synchronized (ANSWERS) {
            ANSWERS.add(response.headers().map() + " " + response.body());
        }
        return response;
    }

    private static long createCredential(String secret) {
        HttpResponse<String> created = kept(admin().post(
                        "/api/admin/credentials",
                        "{\"name\":\"" + unique("it-cred") + "\",\"provider\":\"other\",\"baseUrl\":\""
                                + provider.apiBase() + "\",\"secret\":\"" + secret + "\"}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).getJsonNumber("id").longValue();
        CREDENTIALS.add(id);
        return id;
    }

    private static HttpResponse<String> createModel(String id, String apiBase, Long credentialId) {
        MODELS.add(id);
        return kept(admin().post(
                        "/api/admin/models",
                        "{\"id\":\"" + id + "\",\"type\":\"chat\",\"provider\":\"other\",\"providerModelName\":\"m\","
                                + "\"displayName\":\"IT " + id + "\",\"apiBase\":\"" + apiBase + "\",\"active\":true"
                                + (credentialId == null ? "" : ",\"credentialId\":" + credentialId) + "}"));
    }

    private static String issueGatewayKey(String model) {
        HttpResponse<String> issued = kept(admin().post(
                        "/api/admin/gateway-keys",
                        "{\"name\":\"" + unique("it-cred-key") + "\",\"allowedModels\":[\"" + model + "\"]}"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued).getString("token");
    }

    private static HttpResponse<String> callGateway(String token, String model) {
        return kept(ServerUnderTest.send(HttpRequest.newBuilder(ServerUnderTest.uri("/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build()));
    }

    @Test
    void should_call_a_model_through_the_gateway_with_its_credential_after_both_tested() {
        long credential = createCredential(SECRET);
        String model = unique("it-cred-model");
        HttpResponse<String> created = createModel(model, provider.apiBase(), credential);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).getJsonNumber("credentialId").longValue()).isEqualTo(credential);

        HttpResponse<String> credentialTest = kept(admin().postEmpty("/api/admin/credentials/" + credential + "/test"));
        assertThat(credentialTest.statusCode()).as(credentialTest.body()).isEqualTo(200);
        assertThat(json(credentialTest).getBoolean("ok"))
                .as(credentialTest.body())
                .isTrue();
        HttpResponse<String> modelTest = kept(admin().postEmpty("/api/admin/models/" + model + "/test"));
        assertThat(json(modelTest).getBoolean("ok")).as(modelTest.body()).isTrue();

        HttpResponse<String> answer = callGateway(issueGatewayKey(model), model);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer)
                        .getJsonArray("choices")
                        .getJsonObject(0)
                        .getJsonObject("message")
                        .getString("content"))
                .isEqualTo(BearerCheckingProvider.ANSWER);
        assertThat(provider.authorizations).contains("Bearer " + SECRET);
        JsonObject shown = json(kept(admin().get("/api/admin/credentials/" + credential)));
        assertThat(shown.getJsonArray("usedBy").getString(0)).isEqualTo(model);
        assertThat(shown.getJsonArray("secrets").getString(0)).isEqualTo("****cafe");
    }

    @Test
    void should_refuse_a_model_at_another_host_with_a_field_message_and_send_no_secret_there() {
        long credential = createCredential(SECRET);

        HttpResponse<String> refused = createModel(unique("it-cred-elsewhere"), elsewhere.apiBase(), credential);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).getJsonArray("fieldErrors").getJsonObject(0).getString("field"))
                .isEqualTo("apiBase");
        String unnamed = unique("it-cred-unnamed");
        assertThat(createModel(unnamed, elsewhere.apiBase(), null).statusCode()).isEqualTo(201);
        HttpResponse<String> answer = callGateway(issueGatewayKey(unnamed), unnamed);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(elsewhere.authorizations)
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header).doesNotContain(SECRET));
    }

    @Test
    void should_answer_our_own_error_when_the_provider_refuses_the_secret_quoting_it() {
        long credential = createCredential(WRONG);
        String model = unique("it-cred-wrong");
        assertThat(createModel(model, provider.apiBase(), credential).statusCode())
                .isEqualTo(201);

        HttpResponse<String> answer = callGateway(issueGatewayKey(model), model);
        HttpResponse<String> test = kept(admin().postEmpty("/api/admin/credentials/" + credential + "/test"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(json(answer).getJsonObject("error").getString("code")).isEqualTo("upstream_authentication");
        assertThat(answer.body()).doesNotContain(WRONG).doesNotContain("****").doesNotContain("Incorrect API key");
        assertThat(json(test).getBoolean("ok")).isFalse();
        assertThat(json(test).getInt("status")).isEqualTo(401);
        assertThat(test.body()).doesNotContain(WRONG).doesNotContain("Incorrect");
    }

    @Test
    void should_send_a_replaced_secret_at_once_and_nothing_while_the_credential_is_disabled() {
        long credential = createCredential(WRONG);
        String model = unique("it-cred-rotated");
        assertThat(createModel(model, provider.apiBase(), credential).statusCode())
                .isEqualTo(201);
        String token = issueGatewayKey(model);

        HttpResponse<String> replaced = kept(admin().put(
                        "/api/admin/credentials/" + credential + "/secrets", "{\"secret\":\"" + SECRET + "\"}", null));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).getJsonArray("secrets").getString(0)).isEqualTo("****cafe");
        assertThat(json(replaced).getJsonArray("secrets")).hasSize(1);
        HttpResponse<String> afterRotation = callGateway(token, model);
        assertThat(afterRotation.statusCode()).as(afterRotation.body()).isEqualTo(200);

        assertThat(kept(admin().postEmpty("/api/admin/credentials/" + credential + "/disable"))
                        .statusCode())
                .isEqualTo(200);
        int receivedBefore = provider.authorizations.size();
        HttpResponse<String> whileDisabled = callGateway(token, model);
        assertThat(whileDisabled.statusCode()).as(whileDisabled.body()).isEqualTo(503);
        assertThat(provider.authorizations).hasSize(receivedBefore);

        assertThat(kept(admin().postEmpty("/api/admin/credentials/" + credential + "/enable"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> enabledAgain = callGateway(token, model);
        assertThat(enabledAgain.statusCode()).as(enabledAgain.body()).isEqualTo(200);
    }

    @Test
    void should_refuse_deleting_a_used_credential_and_let_viewers_read_but_not_write() {
        long credential = createCredential(SECRET);
        String model = unique("it-cred-used");
        assertThat(createModel(model, provider.apiBase(), credential).statusCode())
                .isEqualTo(201);

        HttpResponse<String> conflict = kept(admin().delete("/api/admin/credentials/" + credential));
        AdminClient viewer = AdminClient.newViewer(unique("it-cred-viewer"));

        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(json(conflict).getString("message")).contains(model);
        assertThat(kept(viewer.get("/api/admin/credentials")).statusCode()).isEqualTo(200);
        assertThat(kept(viewer.postEmpty("/api/admin/credentials/" + credential + "/disable"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(kept(viewer.post("/api/admin/credentials", "{}")).statusCode())
                .isEqualTo(403);
        AdminClient.deleteQuietly(model);
        assertThat(kept(admin().delete("/api/admin/credentials/" + credential)).statusCode())
                .isEqualTo(204);
    }

    @Test
    void should_audit_every_change_without_the_secret_and_rotate_the_master_key() {
        long credential = createCredential(SECRET);
        assertThat(kept(admin().post(
                                        "/api/admin/credentials/" + credential + "/secrets",
                                        "{\"secret\":\"" + WRONG + "\"}"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(kept(admin().postEmpty("/api/admin/credentials/" + credential + "/disable"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> rotated = kept(admin().postEmpty("/api/admin/credentials/master-key/rotate"));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);

        HttpResponse<String> audit = kept(admin().get("/api/admin/audit?entityType=ApiCredential&size=100"));

        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("ADD_SECRET", "DISABLE", "ROTATE_MASTER_KEY", "****beef", "****cafe");
        assertThat(audit.body()).doesNotContain(SECRET).doesNotContain(WRONG);
    }

    /** Runs last in this class by name order only by chance; it greps what every test of the class produced. */
    @AfterAll
    static void should_leave_no_secret_in_any_answer_log_or_database_file() throws IOException {
        synchronized (ANSWERS) {
            assertThat(ANSWERS)
                    .isNotEmpty()
                    .allSatisfy(
                            answer -> assertThat(answer).doesNotContain(SECRET).doesNotContain(WRONG));
        }
        Path logs = Path.of(System.getProperty("it.server.logs", "target/liberty/wlp/usr/servers/llmadmin-it/logs"));
        Path data = Path.of(System.getProperty("it.data.dir", "target/it-data"));
        assertThat(logs.resolve("messages.log")).exists();
        assertThat(data).isDirectory();
        for (Path dir : List.of(logs, data)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(text).as(file.toString()).doesNotContain(SECRET).doesNotContain(WRONG);
                }
            }
        }
    }
}
