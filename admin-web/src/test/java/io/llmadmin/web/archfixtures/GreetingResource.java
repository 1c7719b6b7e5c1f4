package io.llmadmin.web.archfixtures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A fixture: a JAX-RS resource as the rule wants it. */
@Path("greeting")
public class GreetingResource {

    @GET
    public String get() {
        return "hello";
    }
}
