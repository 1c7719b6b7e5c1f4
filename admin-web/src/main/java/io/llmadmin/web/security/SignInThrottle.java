package io.llmadmin.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Slows down password guessing, for the console's sign-in form and the admin API's HTTP Basic alike. Failures are
 * counted per user name and per client address, each until a success; past {@link #USER_THRESHOLD} failures in a row
 * for one user name (or {@link #ADDRESS_THRESHOLD} from one address, whatever user names it tries) that name (or
 * address) is locked, first for {@link #FIRST_LOCK}, then twice as long after each further failure, up to
 * {@link #MAX_LOCK}. While locked, no password is checked at all, right or wrong. Each failure is logged (user name
 * and address, never the password); each lock is also audited ({@link SignInAudit}).
 *
 * <p>In memory, per instance: several instances each count their own share, which still bounds guessing. The maps are
 * bounded ({@link #MAX_TRACKED}) so that a flood of made-up user names cannot fill the heap.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int USER_THRESHOLD = 5;
    static final int ADDRESS_THRESHOLD = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(4);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final SignInAudit audit;
    private final Clock clock;

    @Inject
    public SignInThrottle(SignInAudit audit) {
        this(audit, Clock.systemUTC());
    }

    SignInThrottle(SignInAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected SignInThrottle() {
        this(null, Clock.systemUTC());
    }

    /** How long sign-ins as this user, or from this address, stay refused; empty when they may be tried. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users.get(key(username)), now);
        Duration from = remaining(addresses.get(address), now);
        Duration longer = user.compareTo(from) >= 0 ? user : from;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** A wrong password (or an unknown user): counted, logged, and a lock when past the threshold. */
    public void failed(String username, String address, String channel) {
        Instant now = clock.instant();
        String user = key(username);
        Failures forUser = count(users, user, now, USER_THRESHOLD);
        Failures forAddress = count(addresses, address, now, ADDRESS_THRESHOLD);
        LOG.warning(() -> "Failed sign-in (" + channel + ") for user '" + printable(username) + "' from " + address
                + ": " + forUser.count + " in a row for the user, " + forAddress.count + " from the address");
        if (forUser.justLocked) {
            lockEvent("user", printable(username), username, address, forUser, channel);
        }
        if (forAddress.justLocked) {
            lockEvent("address", address, username, address, forAddress, channel);
        }
    }

    /** A good password: the user's and the address's failures are forgiven. */
    public void succeeded(String username, String address) {
        users.remove(key(username));
        addresses.remove(address);
    }

    private void lockEvent(
            String what, String which, String username, String address, Failures failures, String channel) {
        long seconds = Duration.between(clock.instant(), failures.lockedUntil).toSeconds();
        LOG.warning(() -> "Sign-ins locked for " + what + " '" + which + "' for " + seconds + " s after "
                + failures.count + " failures in a row");
        if (audit != null) {
            audit.locked(what, printable(username), address, failures.count, seconds, channel);
        }
    }

    private Failures count(Map<String, Failures> map, String key, Instant now, int threshold) {
        if (map.size() >= MAX_TRACKED && !map.containsKey(key)) {
            prune(map, now);
        }
        return map.compute(key, (ignored, old) -> {
            Failures next = old == null ? new Failures() : old.copy();
            next.count++;
            next.justLocked = false;
            if (next.count >= threshold) {
                long doublings = Math.min(next.count - threshold, 20);
                Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
                next.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
                next.justLocked = true;
            }
            return next;
        });
    }

    /** Drops what is no longer locked; if the map is still full, forgets it all rather than grow. */
    private static void prune(Map<String, Failures> map, Instant now) {
        map.values().removeIf(failures -> failures.lockedUntil == null || !failures.lockedUntil.isAfter(now));
        if (map.size() >= MAX_TRACKED) {
            map.clear();
        }
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || failures.lockedUntil == null || !failures.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil);
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }

    /** A user name as sent, safe for a log line: no control characters, at most 100 characters. */
    static String printable(String username) {
        if (username == null) {
            return "";
        }
        String cleaned = username.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }

    /** Failures in a row for one key. */
    private static final class Failures {
        int count;
        Instant lockedUntil;
        boolean justLocked;

        Failures copy() {
            Failures copy = new Failures();
            copy.count = count;
            copy.lockedUntil = lockedUntil;
            return copy;
        }
    }
}
