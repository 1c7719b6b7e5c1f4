/**
 * The routing feature's implementations: the policies and routes through JPA, each served to the request path from a
 * snapshot a few seconds old at most (a gateway call must not read the database for them), the weighted choice, and
 * the response cache in process or in Redis with the codec of a kept answer.
 */
package io.llmadmin.services.routing.internal;
