package io.llmadmin.web.admin;

import io.llmadmin.web.errors.ApiExceptionMapper;
import io.llmadmin.web.errors.ChangeExceptionMappers;
import io.llmadmin.web.errors.UnexpectedExceptionMapper;
import io.llmadmin.web.errors.WebApplicationExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The admin API under {@code /api/admin}: models, audit, users and the caller's own account. Every path needs HTTP
 * Basic; admins may change, viewers may only read (web.xml holds the constraints).
 */
@ApplicationPath("/api/admin")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "llm-admin",
                        version = "0.1.0",
                        description =
                                "The model registry's admin API (HTTP Basic), the frontend's /v1/models, and health."))
@SecurityScheme(
        securitySchemeName = "basic",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "A console user; role admin reads and writes, viewer only reads")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ModelAdminResource.class,
                AuditResource.class,
                UserAdminResource.class,
                AccountResource.class,
                ImportAdminResource.class,
                LegacyCallsResource.class,
                UsageResource.class,
                ModelPricesResource.class,
                BudgetResource.class,
                CooldownsResource.class,
                ModelHealthResource.class,
                RoutesResource.class,
                RouteUsageResource.class,
                ResponseCacheResource.class,
                GatewayKeyAdminResource.class,
                OllamaAdminResource.class,
                io.llmadmin.web.errors.OllamaExceptionMappers.Unreachable.class,
                io.llmadmin.web.errors.OllamaExceptionMappers.Failed.class,
                CredentialAdminResource.class,
                ModelTestResource.class,
                io.llmadmin.web.security.AdminRoleFilter.class,
                ApiExceptionMapper.class,
                ChangeExceptionMappers.Invalid.class,
                ChangeExceptionMappers.Unknown.class,
                ChangeExceptionMappers.Conflict.class,
                WebApplicationExceptionMapper.class,
                io.llmadmin.web.errors.UnreadableBodyMappers.Binding.class,
                io.llmadmin.web.errors.UnreadableBodyMappers.Parsing.class,
                UnexpectedExceptionMapper.class);
    }
}
