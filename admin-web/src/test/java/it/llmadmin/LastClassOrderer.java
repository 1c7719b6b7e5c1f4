package it.llmadmin;

import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps the order in which JUnit found the test classes but runs {@link NoSecretLeftIT} last, so that it greps what every
 * other IT left in the server's logs and database (configured in {@code junit-platform.properties}), and the ITs whose
 * {@link SecondServer} shares the IT server's database just before it, so that the second server is restarted on the
 * other database once at most.
 */
public final class LastClassOrderer implements ClassOrderer {

    /** The ITs that run the second server on the IT server's database ({@link SecondServer#sharingTheItServersDatabase}). */
    private static final Set<String> ON_THE_IT_SERVERS_DATABASE = Set.of("it.llmadmin.routing.SharedDatabaseIT");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: every other class keeps the place it was discovered in.
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> rank(descriptor.getTestClass())));
    }

    private static int rank(Class<?> testClass) {
        if (testClass == NoSecretLeftIT.class) {
            return 2;
        }
        return ON_THE_IT_SERVERS_DATABASE.contains(testClass.getName()) ? 1 : 0;
    }
}
