/**
 * What a call costs: {@link io.llmadmin.services.pricing.ModelPrices} keeps each model's price history (rows effective
 * from a moment, never changed, so old calls keep their price) and prices a call by the row in force when it started
 * ({@link io.llmadmin.services.pricing.Price#cost}). The usage recorder stores that cost with the usage row and the
 * budget guard reserves and settles the same figure.
 */
package io.llmadmin.services.pricing;
