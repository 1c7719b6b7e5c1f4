package io.llmadmin.web.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body {@code POST /api/admin/gateway-keys} accepts. */
public final class GatewayKeyRequests {

    private GatewayKeyRequests() {}

    /**
     * A new gateway key.
     *
     * @param name unique, 1 to 100 characters; usage is recorded as {@code gateway:<name>}
     * @param allowedModels catalog ids the key may call; absent or empty for every model
     * @param limits the key's own per-minute limits; absent for none
     */
    public record NewKey(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 200) List<@NotBlank String> allowedModels,
            @Valid Limits limits) {}

    /** Per-minute limits, 0 or absent = unlimited. */
    public record Limits(
            @PositiveOrZero Integer requestsPerMinute,
            @PositiveOrZero Integer inputTokensPerMinute,
            @PositiveOrZero Integer outputTokensPerMinute) {}
}
