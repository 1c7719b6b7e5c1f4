package io.llmadmin.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction between the modules (ARCHITECTURE.md, "Modules and their rule"): domain &lt;- services
 * &lt;- web; domain &lt;- migration; services &lt;- legacy-compat; nothing depends on admin-web. Each module is a
 * top-level package under {@code io.llmadmin}.
 */
final class ModuleRules {

    static final String DOMAIN = "io.llmadmin.domain..";
    static final String SERVICES = "io.llmadmin.services..";
    static final String MIGRATION = "io.llmadmin.migration..";
    static final String LEGACY = "io.llmadmin.legacy..";
    static final String WEB = "io.llmadmin.web..";

    private ModuleRules() {}

    @ArchTest
    static final ArchRule llm_domain_depends_on_no_other_module = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SERVICES, MIGRATION, LEGACY, WEB);

    @ArchTest
    static final ArchRule llm_services_depend_only_on_llm_domain = noClasses()
            .that()
            .resideInAPackage(SERVICES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MIGRATION, LEGACY, WEB);

    @ArchTest
    static final ArchRule migration_depends_only_on_llm_domain = noClasses()
            .that()
            .resideInAPackage(MIGRATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SERVICES, LEGACY, WEB);

    @ArchTest
    static final ArchRule legacy_compat_delegates_to_llm_services_only = noClasses()
            .that()
            .resideInAPackage(LEGACY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MIGRATION, WEB)
            .allowEmptyShould(true); // legacy-compat is absent from the classpath in the deletion check

    @ArchTest
    static final ArchRule nothing_depends_on_admin_web = noClasses()
            .that()
            .resideOutsideOfPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(WEB);

    @ArchTest
    static final ArchRule langchain4j_types_stay_inside_llm_services = noClasses()
            .that()
            .resideOutsideOfPackage(SERVICES)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.langchain4j..");
}
