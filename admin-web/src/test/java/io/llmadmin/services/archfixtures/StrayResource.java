package io.llmadmin.services.archfixtures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A fixture: a JAX-RS resource outside admin-web, which the rule must refuse. */
@Path("stray")
public class StrayResource {

    @GET
    public String get() {
        return "stray";
    }
}
