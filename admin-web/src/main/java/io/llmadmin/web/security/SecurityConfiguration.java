package io.llmadmin.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * How callers sign in: HTTP Basic against {@link ConsoleIdentityStore}. Only paths that web.xml protects
 * ({@code /api/admin/*}) ask for it; {@code /v1}, {@code /health} and {@code /openapi} stay anonymous. A request that
 * is refused gets the JSON error of {@link SecurityErrorServlet}.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "llm-admin")
@DeclareRoles({"admin", "viewer"})
public class SecurityConfiguration {}
