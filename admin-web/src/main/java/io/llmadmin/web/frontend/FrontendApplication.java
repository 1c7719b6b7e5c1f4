package io.llmadmin.web.frontend;

import io.llmadmin.web.errors.ApiExceptionMapper;
import io.llmadmin.web.errors.UnexpectedExceptionMapper;
import io.llmadmin.web.errors.WebApplicationExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The frontend's API under {@code /v1}. Each API of the WAR is its own application with an explicit class list, so the
 * console's Faces servlet keeps the rest of the URL space.
 */
@ApplicationPath("/v1")
public class FrontendApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ModelsResource.class,
                ApiExceptionMapper.class,
                WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
