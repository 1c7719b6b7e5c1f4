package io.llmadmin.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Conventions every module keeps: constructor injection, one producer of managed concurrency, one logging API, one
 * JSON-P provider.
 */
final class CodingRules {

    private CodingRules() {}

    @ArchTest
    static final ArchRule no_field_injection =
            noFields().should().beAnnotatedWith("jakarta.inject.Inject").because("we inject through constructors");

    /** Container resources enter through producer fields only, and are injected by constructor from there. */
    @ArchTest
    static final ArchRule container_resources_are_injected_only_into_producer_fields = fields().that()
            .areAnnotatedWith("jakarta.annotation.Resource")
            .or()
            .areAnnotatedWith("jakarta.persistence.PersistenceContext")
            .should()
            .beAnnotatedWith("jakarta.enterprise.inject.Produces")
            .allowEmptyShould(true);

    /** One way to get managed concurrency: every managed executor, thread factory or context comes from one class. */
    @ArchTest
    static final ArchRule managed_concurrency_has_one_producer = fields().that()
            .areAnnotatedWith("jakarta.annotation.Resource")
            .and()
            .haveRawType(JavaClass.Predicates.resideInAPackage("jakarta.enterprise.concurrent"))
            .should()
            .beDeclaredIn("io.llmadmin.services.concurrency.ManagedExecutors")
            .because("ManagedExecutors is the one producer of managed concurrency; inject @ContainerExecutor")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule no_standard_streams = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Command")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .because("logs go through java.util.logging into Liberty's logs; only command-line entry points print");

    /**
     * {@code jakarta.json.Json.createXxx} looks the JSON-P provider up on every call (a ServiceLoader scan through
     * Liberty's class loaders: 6.6 % of a gateway call's CPU in a profile); the services and the web layer use the one
     * provider {@code JsonProviders.JSON} instead. (The migration module, not on a request's path, may use {@code Json}.)
     */
    @ArchTest
    static final ArchRule json_through_the_one_provider = noClasses()
            .that()
            .resideInAnyPackage("io.llmadmin.services..", "io.llmadmin.web..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.json.Json")
            .because("Json.createXxx looks the provider up on every call; use JsonProviders.JSON");
}
