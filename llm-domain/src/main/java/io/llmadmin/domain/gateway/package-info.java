/**
 * Keys for the gateway: {@link io.llmadmin.domain.gateway.GatewayKey} holds a hashed token, which models it opens and
 * how much it may use per minute, and whether it was revoked; {@link io.llmadmin.domain.gateway.GatewayResponse} is a
 * Responses API response stored for its key.
 */
package io.llmadmin.domain.gateway;
