/**
 * The one way request bodies become JSON: every JSON endpoint (admin API, gateway) reads its body through
 * {@link io.llmadmin.web.json.JsonBodies}, which bounds nesting depth, and binds numbers, strings and booleans strictly
 * ({@link io.llmadmin.web.json.StrictJson}, {@link io.llmadmin.web.json.JsonNumbers}): a value out of range, fractional
 * where a whole number is due, or of another JSON type is refused naming its field, never wrapped or coerced. It is a
 * package of its own because both the admin API and the gateway use it, each answering in its own error shape.
 */
package io.llmadmin.web.json;
