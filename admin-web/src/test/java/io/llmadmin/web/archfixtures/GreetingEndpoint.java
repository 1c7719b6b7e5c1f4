package io.llmadmin.web.archfixtures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A fixture: a JAX-RS resource in admin-web not named {@code *Resource}, which the rule must refuse. */
@Path("greeting")
public class GreetingEndpoint {

    @GET
    public String get() {
        return "hello";
    }
}
