/** The gateway keys in the database ({@code gateway_key}), audited without the token or its hash. */
package io.llmadmin.services.gateway.internal;
