package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static it.llmadmin.ServerUnderTest.send;
import static it.llmadmin.ServerUnderTest.uri;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routes page: an admin creates a weighted, sticky route between two chat models (an id that is a model's and a
 * negative weight refused next to their fields), changes its weights and deletes it; sets a model's response-cache TTL
 * (one above a day refused) and turns it off; a viewer sees routes and TTLs without any action.
 */
class ConsoleRoutesIT extends ConsoleTest {

    private String first;
    private String second;
    private String route;

    @BeforeEach
    void twoChatModels() {
        first = UsersApi.unique("it-route-a");
        second = UsersApi.unique("it-route-b");
        route = UsersApi.unique("it-route");
        ModelsApi.create(first, true);
        ModelsApi.create(second, true);
    }

    @AfterEach
    void cleanUp() {
        send(asAdmin("/api/admin/routes/" + route).DELETE().build());
        send(asAdmin("/api/admin/response-cache/" + first)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"ttlSeconds\":0}"))
                .build());
        ModelsApi.deleteQuietly(first);
        ModelsApi.deleteQuietly(second);
    }

    @Test
    void should_create_edit_and_delete_a_weighted_route_and_set_a_models_cache_ttl() {
        signInAndOpen("/console/routes.xhtml", "admin", ADMIN_PASSWORD);
        assertThat(byId("menuRoutes")).hasAttribute("aria-current", "page");

        byId("routesForm:newRoute").click();
        byId("routeForm:routeId").fill(first);
        choose("routeForm:targets:0:model", first);
        choose("routeForm:targets:1:model", second);
        byId("routeForm:targets:0:weight").fill("3");
        byId("routeForm:targets:1:weight").fill("-5");
        byId("routeForm:save").click();
        assertThat(byId("routeForm:routeIdMessage")).containsText("a model's catalog id");
        assertThat(byId("routeForm:targets:1:weightMessage")).containsText("must be 0 to");

        byId("routeForm:routeId").fill(route);
        byId("routeForm:targets:1:weight").fill("1");
        byId("routeForm:sticky").locator(".ui-chkbox-box").click();
        byId("routeForm:save").click();
        assertThat(byId("routesForm:messages")).containsText("Saved the route " + route);
        Locator row = page.locator("tr.route-" + route);
        assertThat(row).containsText(first + " 75 % (weight 3), " + second + " 25 % (weight 1)");
        assertThat(row).containsText("yes, per caller");
        assertThat(routeJson()).contains("\"sticky\":true");

        row.locator("button[id$=':edit']").click();
        assertThat(byId("routeHeading")).containsText("Edit the route " + route);
        byId("routeForm:targets:0:weight").fill("1");
        byId("routeForm:save").click();
        assertThat(row).containsText(first + " 50 % (weight 1), " + second + " 50 % (weight 1)");

        page.onceDialog(dialog -> dialog.accept());
        row.locator("button[id$=':delete']").click();
        assertThat(byId("routesForm:messages")).containsText("Deleted the route " + route);
        assertThat(page.locator("tr.route-" + route)).hasCount(0);
        assertThat(send(asAdmin("/api/admin/routes/" + route).GET().build()).statusCode())
                .isEqualTo(404);

        choose("cacheForm:model", first);
        byId("cacheForm:ttl").fill("999999");
        byId("cacheForm:setTtl").click();
        assertThat(byId("cacheForm:ttlMessage")).containsText("must be 0 (off) to 86400 seconds");
        byId("cacheForm:ttl").fill("60");
        byId("cacheForm:setTtl").click();
        assertThat(byId("cacheForm:messages")).containsText("cached for 60 s");
        assertThat(page.locator("tr.cache-" + first)).containsText("60 s");
        page.locator("tr.cache-" + first + " button[id$=':off']").click();
        assertThat(byId("cacheForm:messages")).containsText("no longer cached");
        assertThat(page.locator("tr.cache-" + first)).hasCount(0);
    }

    @Test
    void should_show_routes_and_ttls_to_a_viewer_without_any_action() {
        HttpResponse<String> saved = send(asAdmin("/api/admin/routes/" + route)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"sticky\":false,\"targets\":[{\"model\":\"" + first + "\",\"weight\":1}]}"))
                .build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String viewer = UsersApi.unique("routes-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/routes.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            Locator row = page.locator("tr.route-" + route);
            assertThat(row).containsText(first + " 100 % (weight 1)");
            assertThat(row.locator("button")).hasCount(0);
            assertThat(byId("routesForm:newRoute")).hasCount(0);
            assertThat(byId("cacheForm:setTtl")).hasCount(0);
            assertThat(byId("cacheForm:viewerNote")).containsText("Only admins");
        } finally {
            UsersApi.delete(viewer);
        }
    }

    private String routeJson() {
        return send(asAdmin("/api/admin/routes/" + route).GET().build()).body();
    }

    private static HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", UsersApi.basic("admin", ADMIN_PASSWORD));
    }
}
