/**
 * What every Redis user of llm-services shares: reading {@code REDIS_URL} without ever repeating its password, and
 * notices between instances ({@link io.llmadmin.services.redis.RedisNotices}), and a connection opened on first use
 * ({@link io.llmadmin.services.redis.LazyRedisConnection}). Redis holds the rate-limit windows every
 * instance shares, the response cache, the models' cool-downs and last probes, and carries the catalog's (and routes')
 * change notices and the cool-down notices between instances.
 */
package io.llmadmin.services.redis;
