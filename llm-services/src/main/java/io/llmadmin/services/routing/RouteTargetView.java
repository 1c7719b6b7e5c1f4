package io.llmadmin.services.routing;

/**
 * One target of a route.
 *
 * @param model the target model's catalog id
 * @param weight its share of the calls, against the route's total weight
 */
public record RouteTargetView(String model, int weight) {}
