package it.llmadmin;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Keeps the order in which JUnit found the test classes but runs {@link NoSecretLeftIT} last, so that it greps what every
 * other IT left in the server's logs and database (configured in {@code junit-platform.properties}).
 */
public final class LastClassOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: every other class keeps the place it was discovered in.
        context.getClassDescriptors()
                .sort(Comparator.comparing(descriptor -> descriptor.getTestClass() == NoSecretLeftIT.class));
    }
}
