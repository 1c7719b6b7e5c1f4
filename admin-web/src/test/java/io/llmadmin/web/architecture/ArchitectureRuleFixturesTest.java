package io.llmadmin.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.llmadmin.legacy.archfixtures.DeprecatedHelper;
import io.llmadmin.legacy.archfixtures.UndeprecatedHelper;
import io.llmadmin.legacy.archfixtures.UndeprecatedType;
import io.llmadmin.services.archfixtures.SecondExecutorProducer;
import io.llmadmin.services.archfixtures.StrayResource;
import io.llmadmin.services.archfixtures.shop.Shop;
import io.llmadmin.services.archfixtures.shop.internal.Stock;
import io.llmadmin.services.archfixtures.till.Till;
import io.llmadmin.services.archfixtures.till.TillQueries;
import io.llmadmin.services.cyclefixturea.Orders;
import io.llmadmin.services.cyclefixtureb.Invoices;
import io.llmadmin.web.archfixtures.GreetingEndpoint;
import io.llmadmin.web.archfixtures.GreetingResource;
import io.llmadmin.web.archfixtures.KeptJsonProvider;
import io.llmadmin.web.archfixtures.PerCallJsonProvider;
import org.junit.jupiter.api.Test;

/**
 * Proves that each architecture rule can fail: the rule object the build runs, evaluated on fixture classes that
 * break it (and on ones that keep it, so that a rule failing on everything would be caught too). The fixtures are test
 * classes in the packages the rules name; the build's own run ({@link ArchitectureTest}) never sees them.
 */
class ArchitectureRuleFixturesTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        return rule.evaluate(classes);
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }

    @Test
    void should_fail_when_a_second_class_produces_managed_concurrency() {
        EvaluationResult refused =
                evaluate(CodingRules.managed_concurrency_has_one_producer, SecondExecutorProducer.class);
        EvaluationResult allowed = evaluate(
                CodingRules.managed_concurrency_has_one_producer,
                classNamed("io.llmadmin.services.concurrency.ManagedExecutors"));

        assertThat(refused.hasViolation()).isTrue();
        assertThat(refused.getFailureReport().toString()).contains(SecondExecutorProducer.class.getName());
        assertThat(allowed.hasViolation()).isFalse();
    }

    @Test
    void should_fail_when_a_feature_uses_another_features_internal_class() {
        EvaluationResult result =
                evaluate(FeatureRules.internal_packages_are_used_only_inside_their_feature, Stock.class, Till.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains(Till.class.getName() + " uses " + Stock.class.getName())
                .contains("internal to io.llmadmin.services.archfixtures.shop");
    }

    @Test
    void should_pass_when_a_feature_uses_its_own_internal_class() {
        EvaluationResult result =
                evaluate(FeatureRules.internal_packages_are_used_only_inside_their_feature, Stock.class, Shop.class);

        assertThat(result.hasViolation()).isFalse();
    }

    @Test
    void should_fail_when_a_class_outside_internal_uses_the_entity_manager() {
        EvaluationResult refused =
                evaluate(FeatureRules.the_entity_manager_is_used_only_in_internal_packages, TillQueries.class);
        EvaluationResult allowed =
                evaluate(FeatureRules.the_entity_manager_is_used_only_in_internal_packages, Stock.class, Shop.class);

        assertThat(refused.hasViolation()).isTrue();
        assertThat(refused.getFailureReport().toString()).contains(TillQueries.class.getName());
        assertThat(allowed.hasViolation()).isFalse();
    }

    @Test
    void should_fail_when_a_jax_rs_resource_is_misnamed_or_outside_admin_web() {
        ArchRule rule = FeatureRules.jax_rs_resources_are_named_resource_and_live_in_admin_web;

        EvaluationResult misnamed = evaluate(rule, GreetingEndpoint.class);
        EvaluationResult outside = evaluate(rule, StrayResource.class);
        EvaluationResult kept = evaluate(rule, GreetingResource.class);

        assertThat(misnamed.hasViolation()).isTrue();
        assertThat(misnamed.getFailureReport().toString()).contains(GreetingEndpoint.class.getName());
        assertThat(outside.hasViolation()).isTrue();
        assertThat(outside.getFailureReport().toString()).contains(StrayResource.class.getName());
        assertThat(kept.hasViolation()).isFalse();
    }

    @Test
    void should_fail_when_two_service_features_depend_on_each_other() {
        EvaluationResult cycle =
                evaluate(FeatureRules.service_features_are_free_of_cycles, Orders.class, Invoices.class);
        EvaluationResult oneWay = evaluate(FeatureRules.service_features_are_free_of_cycles, Orders.class);

        assertThat(cycle.hasViolation()).isTrue();
        assertThat(cycle.getFailureReport().toString())
                .contains("cyclefixturea")
                .contains("cyclefixtureb");
        assertThat(oneWay.hasViolation()).isFalse();
    }

    @Test
    @SuppressWarnings("removal") // the facade's fixtures are deprecated for removal, as the rule wants
    void should_fail_when_a_public_member_of_the_legacy_facade_is_not_deprecated_for_removal() {
        ArchRule rule = LegacyFacadeRules.every_public_member_of_the_legacy_facade_is_deprecated_for_removal;

        EvaluationResult forgotten = evaluate(rule, UndeprecatedHelper.class);
        EvaluationResult kept = evaluate(rule, DeprecatedHelper.class);

        assertThat(forgotten.hasViolation()).isTrue();
        assertThat(forgotten.getFailureReport().toString())
                .contains(UndeprecatedHelper.class.getName() + ".help()")
                .doesNotContain("<init>");
        assertThat(kept.hasViolation())
                .as("a record's accessors, canonical constructor and Object's methods are the compiler's")
                .isFalse();
    }

    @Test
    @SuppressWarnings("removal") // the facade's fixtures are deprecated for removal, as the rule wants
    void should_fail_when_a_public_type_of_the_legacy_facade_is_not_deprecated_for_removal() {
        ArchRule rule = LegacyFacadeRules.every_public_type_of_the_legacy_facade_is_deprecated_for_removal;

        EvaluationResult forgotten = evaluate(rule, UndeprecatedType.class);
        EvaluationResult kept = evaluate(
                rule,
                DeprecatedHelper.class,
                UndeprecatedHelper.class,
                classNamed("io.llmadmin.legacy.archfixtures.HiddenHelper$Pacer"));

        assertThat(forgotten.hasViolation()).isTrue();
        assertThat(forgotten.getFailureReport().toString()).contains(UndeprecatedType.class.getName());
        assertThat(kept.hasViolation()).isFalse();
    }

    @Test
    void should_fail_when_the_web_layer_builds_json_through_the_per_call_provider_lookup() {
        EvaluationResult refused = evaluate(CodingRules.json_through_the_one_provider, PerCallJsonProvider.class);
        EvaluationResult allowed = evaluate(CodingRules.json_through_the_one_provider, KeptJsonProvider.class);

        assertThat(refused.hasViolation()).isTrue();
        assertThat(refused.getFailureReport().toString()).contains(PerCallJsonProvider.class.getName());
        assertThat(allowed.hasViolation()).isFalse();
    }
}
