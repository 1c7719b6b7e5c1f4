package io.llmadmin.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Slows down password guessing, for the console's sign-in form and the admin API's HTTP Basic alike. Failures are
 * counted per user name and per client address, each until a success; past {@link #USER_THRESHOLD} failures in a row
 * for one user name (or {@link #ADDRESS_THRESHOLD} from one address, whatever user names it tries) that name (or
 * address) is locked, first for {@link #FIRST_LOCK}, then twice as long after each further failure, up to
 * {@link #MAX_LOCK}. While locked, no password is checked at all, right or wrong. Each failure is logged (user name
 * and address, never the password); each lock is also audited ({@link SignInAudit}).
 *
 * <p>The counts are kept by {@link SignInFailures}: in Redis when {@code REDIS_URL} is set, so that all instances count
 * together and a lock holds on every one of them; in this instance's memory otherwise.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int USER_THRESHOLD = 5;
    static final int ADDRESS_THRESHOLD = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(4);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    private final SignInFailures failures;
    private final SignInAudit audit;
    private final Clock clock;

    @Inject
    public SignInThrottle(SignInAudit audit, SignInFailures failures) {
        this(audit, failures, Clock.systemUTC());
    }

    SignInThrottle(SignInAudit audit, SignInFailures failures, Clock clock) {
        this.audit = audit;
        this.failures = failures;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    protected SignInThrottle() {
        this(null, null, Clock.systemUTC());
    }

    /**
     * How long a lock lasts after the {@code count}-th failure in a row, once {@code count} has reached {@code
     * threshold}: {@link #FIRST_LOCK}, doubled for each failure past the threshold, at most {@link #MAX_LOCK}.
     */
    static Duration lockAfter(int count, int threshold) {
        long doublings = Math.min(Math.max(count - threshold, 0), 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    /** How long sign-ins as this user, or from this address, stay refused; empty when they may be tried. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(failures.lockedUntil(userKey(username), now), now);
        Duration from = remaining(failures.lockedUntil(addressKey(address), now), now);
        Duration longer = user.compareTo(from) >= 0 ? user : from;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** A wrong password (or an unknown user): counted, logged, and a lock when past the threshold. */
    public void failed(String username, String address, String channel) {
        Instant now = clock.instant();
        SignInFailures.Counted forUser = failures.count(userKey(username), now, USER_THRESHOLD);
        SignInFailures.Counted forAddress = failures.count(addressKey(address), now, ADDRESS_THRESHOLD);
        LOG.warning(() -> "Failed sign-in (" + channel + ") for user '" + printable(username) + "' from " + address
                + ": " + forUser.count() + " in a row for the user, " + forAddress.count() + " from the address");
        if (forUser.justLocked()) {
            lockEvent("user", printable(username), username, address, forUser, now, channel);
        }
        if (forAddress.justLocked()) {
            lockEvent("address", address, username, address, forAddress, now, channel);
        }
    }

    /** A good password: the user's and the address's failures are forgiven. */
    public void succeeded(String username, String address) {
        failures.forget(userKey(username));
        failures.forget(addressKey(address));
    }

    private void lockEvent(
            String what,
            String which,
            String username,
            String address,
            SignInFailures.Counted counted,
            Instant now,
            String channel) {
        long seconds = Duration.between(now, counted.lockedUntil()).toSeconds();
        LOG.warning(() -> "Sign-ins locked for " + what + " '" + which + "' for " + seconds + " s after "
                + counted.count() + " failures in a row");
        if (audit != null) {
            audit.locked(what, printable(username), address, counted.count(), seconds, channel);
        }
    }

    private static Duration remaining(Optional<Instant> lockedUntil, Instant now) {
        return lockedUntil
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until))
                .orElse(Duration.ZERO);
    }

    /** User names are counted case-insensitively ({@code Admin} and {@code admin} are one name to guess). */
    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** A user name as sent, safe for a log line: no control characters, at most 100 characters. */
    static String printable(String username) {
        if (username == null) {
            return "";
        }
        String cleaned = username.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }
}
