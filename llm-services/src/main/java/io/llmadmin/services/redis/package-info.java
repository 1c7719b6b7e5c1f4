/**
 * What every Redis user of llm-services shares: reading {@code REDIS_URL} without ever repeating its password, and a
 * connection opened on first use ({@link io.llmadmin.services.redis.LazyRedisConnection}). Redis
 * holds the rate-limit windows every instance shares and carries the catalog's change notices between instances.
 */
package io.llmadmin.services.redis;
