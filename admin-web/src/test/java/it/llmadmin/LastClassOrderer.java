package it.llmadmin;

import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps the order in which JUnit found the test classes but runs {@link NoSecretLeftIT} last, so that it greps what every
 * other IT left in the server's logs and database (configured in {@code junit-platform.properties}), and groups the ITs
 * by the {@link SecondServer} they need, so that it is restarted in another configuration twice at most: first those
 * on its own database with Redis (every other IT), then those without Redis ({@link SecondServer#withoutRedis}), then
 * those sharing the IT server's database ({@link SecondServer#sharingTheItServersDatabase}), just before {@link
 * NoSecretLeftIT}, which reads the second server as they left it.
 */
public final class LastClassOrderer implements ClassOrderer {

    /** The ITs that run the second server without Redis ({@link SecondServer#withoutRedis}). */
    private static final Set<String> WITHOUT_REDIS = Set.of("it.llmadmin.hardening.InProcessTokenLimitsIT");

    /** The ITs that run the second server on the IT server's database ({@link SecondServer#sharingTheItServersDatabase}). */
    private static final Set<String> ON_THE_IT_SERVERS_DATABASE = Set.of("it.llmadmin.routing.SharedDatabaseIT");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: every other class keeps the place it was discovered in.
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> rank(descriptor.getTestClass())));
    }

    private static int rank(Class<?> testClass) {
        if (testClass == NoSecretLeftIT.class) {
            return 3;
        }
        if (ON_THE_IT_SERVERS_DATABASE.contains(testClass.getName())) {
            return 2;
        }
        return WITHOUT_REDIS.contains(testClass.getName()) ? 1 : 0;
    }
}
