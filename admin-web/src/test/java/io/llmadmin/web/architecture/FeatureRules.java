package io.llmadmin.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * How a module is cut inside: by feature ({@code io.llmadmin.<module>.<feature>}), each with a small public API and its
 * implementations in {@code <feature>.internal}. These rules keep that shape as the modules grow (ARCHITECTURE.md,
 * "Features"). Each has a fixture that breaks it in {@code ArchitectureRuleFixturesTest}.
 */
final class FeatureRules {

    static final String INTERNAL_SEGMENT = ".internal";
    static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";

    private FeatureRules() {}

    @ArchTest
    static final ArchRule internal_packages_are_used_only_inside_their_feature = classes()
            .should(useInternalClassesOfTheirOwnFeatureOnly())
            .because("a feature's contract is its public package; make the type public there or move it");

    @ArchTest
    static final ArchRule the_entity_manager_is_used_only_in_internal_packages = noClasses()
            .that()
            .resideOutsideOfPackage("..internal..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(ENTITY_MANAGER)
            .because("persistence is an implementation detail of a feature; callers get views and records");

    @ArchTest
    static final ArchRule jax_rs_resources_are_named_resource_and_live_in_admin_web = classes()
            .that()
            .areAnnotatedWith("jakarta.ws.rs.Path")
            .should()
            .haveSimpleNameEndingWith("Resource")
            .andShould()
            .resideInAPackage("io.llmadmin.web..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule service_features_are_free_of_cycles =
            slices().matching("io.llmadmin.services.(*)..").should().beFreeOfCycles();

    /** The feature a class in an {@code internal} package belongs to: its package up to {@code .internal}. */
    static Optional<String> featureOfInternal(String packageName) {
        int at = (packageName + ".").indexOf(INTERNAL_SEGMENT + ".");
        return at < 0 ? Optional.empty() : Optional.of(packageName.substring(0, at));
    }

    private static ArchCondition<JavaClass> useInternalClassesOfTheirOwnFeatureOnly() {
        return new ArchCondition<>("use internal classes of their own feature only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> feature = featureOfInternal(target.getPackageName());
                    String from = origin.getPackageName();
                    if (feature.isPresent() && !from.equals(feature.get()) && !from.startsWith(feature.get() + ".")) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                origin.getName() + " uses " + target.getName() + ", internal to " + feature.get() + " ("
                                        + dependency.getDescription() + ")"));
                    }
                }
            }
        };
    }
}
