package io.llmadmin.web.gateway;

import io.llmadmin.services.errors.RateLimitHeadroom;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's rate-limit headers on a gateway answer, from the limits that applied to the call (the gateway key's and the
 * model's, the tighter of each): {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests},
 * {@code x-ratelimit-reset-requests} and the same three for {@code -tokens}. OpenAI has one token limit where we have
 * two (input and output tokens per minute): the token headers describe whichever token window is closer to refusing.
 * A family is left out when no such limit is set. The resets are written as OpenAI writes them ({@code 1s},
 * {@code 6m0s}, {@code 250ms}): how long until the window frees room.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {}

    /** The headers for what the limits had left, in the order OpenAI sends them. */
    static Map<String, String> of(RateLimitHeadroom headroom) {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<RateLimitHeadroom.Window> requests = headroom.requests();
        Optional<RateLimitHeadroom.Window> tokens = headroom.tokens();
        requests.ifPresent(window -> headers.put("x-ratelimit-limit-requests", Long.toString(window.limit())));
        tokens.ifPresent(window -> headers.put("x-ratelimit-limit-tokens", Long.toString(window.limit())));
        requests.ifPresent(window -> headers.put("x-ratelimit-remaining-requests", Long.toString(window.remaining())));
        tokens.ifPresent(window -> headers.put("x-ratelimit-remaining-tokens", Long.toString(window.remaining())));
        requests.ifPresent(window -> headers.put("x-ratelimit-reset-requests", duration(window.reset())));
        tokens.ifPresent(window -> headers.put("x-ratelimit-reset-tokens", duration(window.reset())));
        return headers;
    }

    /** Adds the headers to an answer being built. */
    static Response.ResponseBuilder addTo(Response.ResponseBuilder answer, RateLimitHeadroom headroom) {
        of(headroom).forEach(answer::header);
        return answer;
    }

    /** Adds the headers to a built answer (an error mapped from an exception). */
    static Response addTo(Response answer, RateLimitHeadroom headroom) {
        return headroom.isEmpty()
                ? answer
                : addTo(Response.fromResponse(answer), headroom).build();
    }

    /**
     * A duration as OpenAI's headers (Go's duration text) write it, to the millisecond: {@code 0s}, {@code 250ms},
     * {@code 1s}, {@code 1.5s}, {@code 6m0s}, {@code 1h0m0s}.
     */
    static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long secondMillis = millis % 60_000;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        text.append(BigDecimal.valueOf(secondMillis, 3).stripTrailingZeros().toPlainString())
                .append('s');
        return text.toString();
    }
}
