package io.llmadmin.services.routing.internal;

import io.llmadmin.services.routing.RouteTargetView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks a route's target by weight: at random per call, or by a hash of the caller so that the caller sticks. */
final class WeightedChoice {

    private WeightedChoice() {}

    static String random(List<RouteTargetView> targets) {
        return at(targets, ThreadLocalRandom.current().nextLong(total(targets)));
    }

    /**
     * The same target for the same caller while the targets stay the same. The caller key is hashed with SHA-256, not
     * {@code String.hashCode}, so that keys differing only in a suffix ({@code key-1}, {@code key-2}) still spread
     * evenly over the weights.
     */
    static String sticky(String routeId, String callerKey, List<RouteTargetView> targets) {
        long hash = ByteBuffer.wrap(sha256(routeId + '\n' + callerKey)).getLong();
        return at(targets, Math.floorMod(hash, total(targets)));
    }

    private static long total(List<RouteTargetView> targets) {
        return targets.stream().mapToLong(RouteTargetView::weight).sum();
    }

    /** The target whose cumulative weight interval holds {@code point} (0 ≤ point &lt; total). */
    static String at(List<RouteTargetView> targets, long point) {
        long upTo = 0;
        for (RouteTargetView target : targets) {
            upTo += target.weight();
            if (point < upTo) {
                return target.model();
            }
        }
        throw new IllegalArgumentException("point " + point + " is beyond the total weight " + upTo);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
