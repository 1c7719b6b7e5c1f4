package io.llmadmin.web.console;

import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** One gateway key as the gateway keys page's table shows it: texts ready to show, never the token. */
public record GatewayKeyRow(
        long id,
        String name,
        String tokenStart,
        String allowedModels,
        String limits,
        String created,
        String expires,
        String lastUsed,
        String status,
        boolean revoked)
        implements Serializable {

    static GatewayKeyRow of(GatewayKeyView key, ZoneId zone) {
        GatewayKeyLimits limits = key.limits();
        return new GatewayKeyRow(
                key.id(),
                key.name(),
                key.tokenStart() + "…",
                key.allowedModels().isEmpty() ? "every model" : String.join(", ", key.allowedModels()),
                limitsText(limits),
                format(key.createdAt(), zone, ""),
                format(key.expiresAt(), zone, "never"),
                format(key.lastUsedAt(), zone, "never"),
                key.status(),
                key.revoked());
    }

    /** "30 requests, 900 output tokens a minute": only the limits that are set; "none" when none is. */
    static String limitsText(GatewayKeyLimits limits) {
        List<String> parts = new ArrayList<>();
        if (limits.requestsPerMinute() > 0) {
            parts.add(limits.requestsPerMinute() + " requests");
        }
        if (limits.inputTokensPerMinute() > 0) {
            parts.add(limits.inputTokensPerMinute() + " input tokens");
        }
        if (limits.outputTokensPerMinute() > 0) {
            parts.add(limits.outputTokensPerMinute() + " output tokens");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts) + " a minute";
    }

    private static String format(OffsetDateTime time, ZoneId zone, String none) {
        return time == null ? none : GatewayKeysView.WHEN.format(time.atZoneSameInstant(zone));
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTokenStart() {
        return tokenStart;
    }

    public String getAllowedModels() {
        return allowedModels;
    }

    public String getLimits() {
        return limits;
    }

    public String getCreated() {
        return created;
    }

    public String getExpires() {
        return expires;
    }

    public String getLastUsed() {
        return lastUsed;
    }

    public String getStatus() {
        return status;
    }

    public boolean isRevoked() {
        return revoked;
    }
}
