package io.llmadmin.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
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

    /**
     * The facade is there to be deleted: every public type and member says so, so that each caller's compiler warns
     * ({@code forRemoval}) and its Javadoc names the replacement. Members the compiler writes itself (an enum's {@code
     * values}/{@code valueOf}, a record's accessors and canonical constructor) carry no annotations and are deprecated with their type; {@code
     * equals}/{@code hashCode}/{@code toString} are Object's contract, not the facade's; members of a type no caller can reach (private nested types,
     * package-private classes) are not API.
     */
    @ArchTest
    static final ArchRule every_public_member_of_the_legacy_facade_is_deprecated_for_removal = members()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage(LEGACY)
            .and()
            .arePublic()
            .and(DescribedPredicate.describe("are reachable from outside", (JavaMember m) -> reachable(m.getOwner())))
            .and(DescribedPredicate.describe("are not written by the compiler", (JavaMember m) -> !generated(m)))
            .should(beDeprecatedForRemoval())
            .allowEmptyShould(true); // legacy-compat is absent from the classpath in the deletion check

    /** The public types of the facade, the same way. */
    @ArchTest
    static final ArchRule every_public_type_of_the_legacy_facade_is_deprecated_for_removal = classes()
            .that()
            .resideInAPackage(LEGACY)
            .and(DescribedPredicate.describe("are reachable from outside", LegacyFacadeRules::reachable))
            .should(beTypeDeprecatedForRemoval())
            .allowEmptyShould(true);

    private static boolean reachable(JavaClass type) {
        if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        return type.getEnclosingClass().map(LegacyFacadeRules::reachable).orElse(true);
    }

    private static boolean generated(JavaMember member) {
        JavaClass owner = member.getOwner();
        String name = member.getName();
        if (name.equals("equals") || name.equals("hashCode") || name.equals("toString")) {
            return true; // Object's contract, not the facade's
        }
        if (owner.isEnum() && (name.equals("values") || name.equals("valueOf"))) {
            return true;
        }
        boolean record = owner.getRawSuperclass()
                .map(superclass -> superclass.getName().equals("java.lang.Record"))
                .orElse(false);
        if (!record) {
            return false;
        }
        boolean accessor = member instanceof JavaMethod method
                && method.getParameters().isEmpty()
                && owner.tryGetField(name).isPresent();
        // The components' types, in any order: ArchUnit does not keep the fields' order.
        boolean canonicalConstructor = member instanceof JavaConstructor constructor
                && constructor.getRawParameterTypes().stream()
                        .map(JavaClass::getName)
                        .sorted()
                        .toList()
                        .equals(owner.getFields().stream()
                                .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                                .map(field -> field.getRawType().getName())
                                .sorted()
                                .toList());
        return accessor || canonicalConstructor;
    }

    private static boolean deprecatedForRemoval(HasAnnotations<?> annotated) {
        return annotated
                .tryGetAnnotationOfType(Deprecated.class.getName())
                .map(annotation ->
                        Boolean.TRUE.equals(annotation.get("forRemoval").orElse(false)))
                .orElse(false);
    }

    private static ArchCondition<JavaMember> beDeprecatedForRemoval() {
        return new ArchCondition<>("be @Deprecated(forRemoval = true)") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                if (!deprecatedForRemoval(member) && !member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    events.add(SimpleConditionEvent.violated(
                            member, member.getFullName() + " is public and not @Deprecated(forRemoval = true)"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beTypeDeprecatedForRemoval() {
        return new ArchCondition<>("be @Deprecated(forRemoval = true)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!deprecatedForRemoval(type)) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " is public and not @Deprecated(forRemoval = true)"));
                }
            }
        };
    }

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
