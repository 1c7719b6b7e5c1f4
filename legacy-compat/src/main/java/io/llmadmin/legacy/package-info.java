/**
 * The deprecated facade shaped like the legacy Python {@code models.py}, kept so ported callers work on day one while
 * they move to {@code llm-services}. Every type here is pure delegation and is marked for removal; the architecture
 * tests record who still imports it.
 *
 * <table>
 *   <caption>Legacy Python names and their replacements</caption>
 *   <tr><th>Python</th><th>Facade</th><th>Use instead</th></tr>
 *   <tr><td>{@code ModelType}</td><td>{@link io.llmadmin.legacy.ModelType}</td>
 *       <td>{@link io.llmadmin.domain.model.ModelType}</td></tr>
 *   <tr><td>{@code ModelConfig}, {@code build_kwargs()}</td><td>{@link io.llmadmin.legacy.ModelConfig}</td>
 *       <td>{@link io.llmadmin.domain.model.ModelConfiguration}</td></tr>
 * </table>
 */
package io.llmadmin.legacy;
