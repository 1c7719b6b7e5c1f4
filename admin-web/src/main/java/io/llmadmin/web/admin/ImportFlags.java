package io.llmadmin.web.admin;

import io.llmadmin.migration.legacy.ImportOptions;
import jakarta.json.JsonObject;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every import endpoint takes besides its source: the options as query parameters ({@code true} or {@code
 * false}, anything else a 400), and who asks where. One class, so the four endpoints read them one way.
 */
public class ImportFlags {

    @QueryParam("dryRun")
    String dryRun;

    @QueryParam("strict")
    String strict;

    @QueryParam("dropSecrets")
    String dropSecrets;

    @QueryParam("async")
    String async;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** The options from the query. */
    ImportOptions options() {
        return ImportOptions.defaults()
                .withDryRun(ImportRequests.flag("dryRun", dryRun))
                .withStrict(ImportRequests.flag("strict", strict))
                .withDropSecrets(ImportRequests.flag("dropSecrets", dropSecrets));
    }

    /** The options from the query and a body that may name them too (the two must agree). */
    ImportOptions options(JsonObject body) {
        return ImportOptions.defaults()
                .withDryRun(ImportRequests.flag(body, "dryRun", dryRun))
                .withStrict(ImportRequests.flag(body, "strict", strict))
                .withDropSecrets(ImportRequests.flag(body, "dropSecrets", dropSecrets));
    }

    boolean background() {
        return ImportRequests.flag("async", async);
    }

    boolean background(JsonObject body) {
        return ImportRequests.flag(body, "async", async);
    }

    String actor() {
        return security.getUserPrincipal() == null
                ? "anonymous"
                : security.getUserPrincipal().getName();
    }

    UriInfo uri() {
        return uri;
    }
}
