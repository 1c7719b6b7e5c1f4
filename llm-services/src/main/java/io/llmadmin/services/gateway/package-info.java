/**
 * The keys applications present to the OpenAI-compatible gateway: {@link io.llmadmin.services.gateway.GatewayKeys}
 * issues them (the token is shown once, only its hash is stored), lists and revokes them, and tells which key a
 * presented bearer token is.
 */
package io.llmadmin.services.gateway;
