package io.llmadmin.web.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import io.llmadmin.web.architecture.fixtures.MovedOffCaller;
import io.llmadmin.web.architecture.fixtures.NewLegacyCaller;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the strangler gate both ways on fixtures: a new importer fails the build; a stale store fails it too. */
class LegacyFacadeGateTest {

    @TempDir
    Path storeDirectory;

    private static JavaClasses importClasses(Class<?>... fixtures) {
        return new ClassFileImporter().importClasses(fixtures);
    }

    /**
     * The gate with a store in a temporary directory. FreezingArchRule initialises its store from ArchUnit's
     * configuration on every evaluation, so the settings go there (and are reset after each test).
     */
    private FreezingArchRule gate(boolean allowCreation, boolean allowUpdate) {
        ArchConfiguration configuration = ArchConfiguration.get();
        configuration.setProperty("freeze.store.default.path", storeDirectory.toString());
        configuration.setProperty("freeze.store.default.allowStoreCreation", String.valueOf(allowCreation));
        configuration.setProperty("freeze.store.default.allowStoreUpdate", String.valueOf(allowUpdate));
        return FreezingArchRule.freeze(LegacyFacadeRules.DEPEND_ON_LEGACY_FACADE);
    }

    @AfterEach
    void restoreConfiguration() {
        ArchConfiguration.get().reset();
    }

    @Test
    void should_fail_naming_the_class_and_the_replacement_when_a_new_class_imports_the_facade() {
        gate(true, true).evaluate(importClasses(MovedOffCaller.class)); // the store as committed: no importer

        EvaluationResult result =
                gate(false, false).evaluate(importClasses(MovedOffCaller.class, NewLegacyCaller.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains(NewLegacyCaller.class.getName() + " depends on the legacy facade ModelType")
                .contains("use io.llmadmin.domain.model.ModelType instead");
    }

    @Test
    void should_pass_when_only_the_frozen_importers_remain() {
        gate(true, true).evaluate(importClasses(NewLegacyCaller.class)); // recorded as a known importer

        EvaluationResult result = gate(false, false).evaluate(importClasses(NewLegacyCaller.class));

        assertThat(result.hasViolation()).isFalse();
    }

    @Test
    void should_refuse_a_stale_store_when_an_importer_moved_off_the_facade_without_shrinking_it() {
        gate(true, true).evaluate(importClasses(NewLegacyCaller.class));

        assertThatThrownBy(() -> gate(false, false).evaluate(importClasses(MovedOffCaller.class)))
                .hasMessageContaining("Updating frozen violations is disabled");
    }

    @Test
    void should_shrink_the_store_when_re_recorded_after_an_importer_moved_off() {
        gate(true, true).evaluate(importClasses(NewLegacyCaller.class));
        gate(false, true).evaluate(importClasses(MovedOffCaller.class)); // -Darchunit...allowStoreUpdate=true

        EvaluationResult afterShrink = gate(false, false).evaluate(importClasses(NewLegacyCaller.class));

        assertThat(afterShrink.hasViolation())
                .as("the old importer is no longer allowed")
                .isTrue();
    }
}
