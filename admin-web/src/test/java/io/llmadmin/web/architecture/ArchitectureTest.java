package io.llmadmin.web.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Runs the architecture rules over every module: admin-web assembles them all, so its test classpath sees every
 * module's production classes.
 */
@AnalyzeClasses(
        packages = "io.llmadmin",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Leaves out other modules' test-support jars ({@code *-tests.jar}), which this module's tests depend on. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchTests module_rules = ArchTests.in(ModuleRules.class);

    @ArchTest
    static final ArchTests coding_rules = ArchTests.in(CodingRules.class);

    @ArchTest
    static final ArchTests feature_rules = ArchTests.in(FeatureRules.class);

    @ArchTest
    static final ArchTests legacy_facade_rules = ArchTests.in(LegacyFacadeRules.class);
}
