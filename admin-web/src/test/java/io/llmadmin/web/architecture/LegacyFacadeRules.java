package io.llmadmin.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The strangler gate. Every class outside legacy-compat that depends on the deprecated facade is recorded in a
 * frozen store ({@code src/test/resources/frozen}); the build runs with store updates disallowed, so a NEW importer
 * fails the build naming the class and the replacement API, and an importer that moves off the facade must shrink the
 * store in the same commit ({@code -Darchunit.freeze.store.default.allowStoreUpdate=true} re-records it).
 *
 * <p>The rule's text is the store's key: it must never be reworded, or every current violation is silently frozen
 * again.
 */
final class LegacyFacadeRules {

    static final String LEGACY = "io.llmadmin.legacy..";
    static final String REPLACED_BY = "io.llmadmin.legacy.ReplacedBy";

    private LegacyFacadeRules() {}

    /** The rule itself, unfrozen: used by the fixture tests with a store of their own. */
    static final ArchRule DEPEND_ON_LEGACY_FACADE = classes()
            .that()
            .resideOutsideOfPackage(LEGACY)
            .should(notDependOnTheLegacyFacade())
            .as("no class outside legacy-compat should depend on the deprecated legacy facade");

    @ArchTest
    static final ArchRule no_new_dependencies_on_the_legacy_facade = FreezingArchRule.freeze(DEPEND_ON_LEGACY_FACADE);

    private static ArchCondition<JavaClass> notDependOnTheLegacyFacade() {
        return new ArchCondition<>("not depend on the deprecated legacy facade") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getPackageName().startsWith("io.llmadmin.legacy")) {
                        String message = origin.getName() + " depends on the legacy facade "
                                + target.getSimpleName() + ": use " + replacementOf(target) + " instead ("
                                + dependency.getDescription() + ")";
                        events.add(SimpleConditionEvent.violated(dependency, message));
                    }
                }
            }
        };
    }

    /** The replacement named by the facade type's {@code @ReplacedBy}, read by name so nothing here needs the facade. */
    private static String replacementOf(JavaClass facadeType) {
        JavaClass annotated =
                facadeType.isNestedClass() ? facadeType.getEnclosingClass().orElse(facadeType) : facadeType;
        return annotated
                .tryGetAnnotationOfType(REPLACED_BY)
                .map(annotation -> String.valueOf(annotation.get("value").orElse("?")))
                .orElse("the llm-services API (see the facade's @deprecated note)");
    }
}
