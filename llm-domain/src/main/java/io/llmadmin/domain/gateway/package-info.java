/**
 * Keys for the gateway: {@link io.llmadmin.domain.gateway.GatewayKey} holds a hashed token, which models it opens and
 * how much it may use per minute, and whether it was revoked.
 */
package io.llmadmin.domain.gateway;
