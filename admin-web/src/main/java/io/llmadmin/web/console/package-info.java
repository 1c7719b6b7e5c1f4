/**
 * The web console's backing beans (Jakarta Faces + PrimeFaces): signing in and out, the overview of the model catalog,
 * the models (listed, created, edited, activated through the model registry), the gateway keys, the usage dashboard, the budgets, the routes and response-cache TTLs, the users and one's
 * own password, the audit log (with a field-by-field diff), and the migration status (calls into the legacy facade,
 * Python modules still importing {@code models}). Every change goes through the feature's service as the signed-in
 * user, who is checked to be an admin again in the bean; refusals become messages next to the inputs
 * ({@link io.llmadmin.web.console.ConsoleMessages}). The pages
 * live in {@code src/main/webapp} ({@code /login.xhtml}, {@code /console/*.xhtml}, layout in {@code
 * /WEB-INF/templates/console.xhtml}); who may see them is web.xml's constraints and {@link
 * io.llmadmin.web.security.ConsoleAndApiAuthentication}. Beans read through the services of llm-services and
 * migration only, and are request or view scoped with constructor injection.
 */
package io.llmadmin.web.console;
