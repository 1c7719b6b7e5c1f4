package io.llmadmin.web.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** The bodies {@code /api/admin/gateway-keys} accepts. */
public final class GatewayKeyRequests {

    private GatewayKeyRequests() {}

    /**
     * A new gateway key.
     *
     * @param name unique, 1 to 100 characters; usage is recorded as {@code gateway:<name>}
     * @param allowedModels catalog ids the key may call; absent or empty for every model
     * @param limits the key's own per-minute limits; absent for none
     * @param expiresAt when the key stops working (ISO-8601 with an offset, in the future); absent for never
     */
    public record NewKey(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 200) List<@NotBlank String> allowedModels,
            @Valid Limits limits,
            OffsetDateTime expiresAt) {}

    /**
     * What a key may do, replaced as a whole ({@code PUT /api/admin/gateway-keys/{id}}).
     *
     * @param allowedModels catalog ids the key may call, each an existing model; absent or empty for every model
     * @param limits per-minute limits; absent for none
     * @param expiresAt when the key stops working (in the future); absent for never
     * @param version the version changed (or send {@code If-Match}); another one is a 409
     */
    public record KeyChange(
            @Size(max = 200) List<@NotBlank String> allowedModels,
            @Valid Limits limits,
            OffsetDateTime expiresAt,
            Long version) {}

    /** Per-minute limits, 0 or absent = unlimited. */
    public record Limits(
            @PositiveOrZero Integer requestsPerMinute,
            @PositiveOrZero Integer inputTokensPerMinute,
            @PositiveOrZero Integer outputTokensPerMinute) {}
}
