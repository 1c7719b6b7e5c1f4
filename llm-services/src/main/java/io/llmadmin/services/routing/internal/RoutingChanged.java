package io.llmadmin.services.routing.internal;

/** A CDI event: a route or a response-cache policy was changed in the current transaction. */
record RoutingChanged() {}
