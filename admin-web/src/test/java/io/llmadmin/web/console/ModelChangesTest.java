package io.llmadmin.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.domain.model.ModelConfiguration;
import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.Page;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.registry.ModelDraft;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import io.llmadmin.services.registry.ModelView;
import io.llmadmin.services.routing.ResponseCachePolicies;
import jakarta.faces.application.FacesMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The console's model changes without a page: who may change, and how the registry's refusals are shown. */
class ModelChangesTest {

    /** A registry that records each change and answers it with what the test says. */
    private static final class ScriptedRegistry implements ModelRegistry {
        final List<String> changes = new ArrayList<>();
        Supplier<RuntimeException> refusal = () -> null;
        final ModelView stored = ModelView.of(new ModelConfiguration("gpt", ModelType.CHAT, "openai", "gpt-4o", "GPT"));

        private ModelView change(String what) {
            changes.add(what);
            RuntimeException refused = refusal.get();
            if (refused != null) {
                throw refused;
            }
            return stored;
        }

        @Override
        public Page<ModelView> list(ModelQuery query) {
            return new Page<>(List.of(stored), 0, query.size(), 1);
        }

        @Override
        public Optional<ModelView> find(String catalogId) {
            return Optional.of(stored);
        }

        @Override
        public ModelView create(String actor, ModelDraft draft) {
            return change("create " + draft.catalogId() + " by " + actor);
        }

        @Override
        public ModelView update(String actor, String catalogId, long expectedVersion, ModelDraft draft) {
            return change("update " + catalogId + "@" + expectedVersion + " by " + actor);
        }

        @Override
        public ModelView setActive(String actor, String catalogId, boolean active, OptionalLong expectedVersion) {
            return change((active ? "activate " : "deactivate ") + catalogId + " by " + actor);
        }

        @Override
        public void delete(String actor, String catalogId, OptionalLong expectedVersion) {
            change("delete " + catalogId);
        }
    }

    /** Cache policies in a map, recording each change; they refuse a TTL as the real ones do. */
    private static final class ScriptedPolicies implements ResponseCachePolicies {
        final Map<String, Integer> ttls = new HashMap<>();
        final List<String> changes = new ArrayList<>();

        @Override
        public Map<String, Integer> all() {
            return Map.copyOf(ttls);
        }

        @Override
        public Optional<Duration> ttlFor(String modelId) {
            return Optional.ofNullable(ttls.get(modelId)).map(Duration::ofSeconds);
        }

        @Override
        public void set(String actor, String modelId, int ttlSeconds) {
            List<FieldError> refused = ResponseCachePolicies.ttlErrors(ttlSeconds);
            if (!refused.isEmpty()) {
                throw new InvalidChangeException(refused);
            }
            changes.add(modelId + "=" + ttlSeconds + " by " + actor);
            ttls.put(modelId, ttlSeconds);
        }
    }

    private static SignedInUser user(String name, boolean admin) {
        return new SignedInUser() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isAdmin() {
                return admin;
            }
        };
    }

    private static ModelEditor editorOf(ScriptedRegistry registry, SignedInUser user, String id) {
        return editorOf(registry, new ScriptedPolicies(), user, id);
    }

    private static ModelEditor editorOf(
            ScriptedRegistry registry, ScriptedPolicies policies, SignedInUser user, String id) {
        ModelEditor editor = new ModelEditor(registry, new ModelSaves(registry, policies), user);
        editor.setId(id);
        editor.load();
        return editor;
    }

    @Test
    void should_refuse_and_change_nothing_when_a_viewer_saves_or_deactivates() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        SignedInUser viewer = user("vera", false);

        // when
        ModelEditor.Saved saved = editorOf(registry, viewer, "gpt").store();
        FacesMessage toggled = new ModelsView(registry, viewer).setActive("gpt", 0, false);

        // then
        assertThat(saved.outcome()).isNull();
        assertThat(saved.refusals()).containsExactly(new ModelEditor.Refusal(null, ModelEditor.ADMINS_ONLY));
        assertThat(toggled.getSeverity()).isEqualTo(FacesMessage.SEVERITY_ERROR);
        assertThat(toggled.getSummary()).isEqualTo(ModelEditor.ADMINS_ONLY);
        assertThat(registry.changes).isEmpty();
    }

    @Test
    void should_save_as_the_signed_in_admin_at_the_loaded_version_and_go_back_to_the_list() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        ModelEditor editor = editorOf(registry, user("ada", true), "gpt");

        // when
        ModelEditor.Saved saved = editor.store();

        // then
        assertThat(saved.outcome()).isEqualTo("/console/models?faces-redirect=true&saved=gpt");
        assertThat(registry.changes).containsExactly("update gpt@" + registry.stored.version() + " by ada");
    }

    @Test
    void should_say_someone_else_changed_it_when_the_registry_finds_the_version_stale() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        registry.refusal = () -> new StaleVersionException("Model 'gpt'", 0, 1);
        ModelEditor editor = editorOf(registry, user("ada", true), "gpt");

        // when
        ModelEditor.Saved saved = editor.store();

        // then
        assertThat(saved.outcome()).isNull();
        assertThat(saved.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.clientId()).isNull();
            assertThat(refusal.text()).contains("changed by someone else since you opened it; reload");
        });
    }

    @Test
    void should_report_a_mistyped_number_together_with_the_registrys_errors_and_store_nothing() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        ModelEditor editor = editorOf(registry, user("ada", true), "gpt");
        editor.getForm().setDisplayName(" ");
        editor.getForm().setContextLength("lots");
        editor.getForm().setTemperatureMax("hot");
        editor.getForm().setExtraKwargs("{\"seed\": 7");

        // when
        ModelEditor.Saved saved = editor.store();

        // then
        assertThat(saved.outcome()).isNull();
        assertThat(saved.refusals())
                .contains(
                        new ModelEditor.Refusal("modelForm:contextLength", FormNumbers.NOT_WHOLE),
                        new ModelEditor.Refusal("modelForm:temperatureMax", FormNumbers.NOT_DECIMAL),
                        new ModelEditor.Refusal("modelForm:displayName", "must not be blank"));
        assertThat(saved.refusals()).anySatisfy(refusal -> {
            assertThat(refusal.clientId()).isEqualTo("modelForm:extraKwargs");
            assertThat(refusal.text()).startsWith("is not valid JSON (line 1, column");
        });
        assertThat(registry.changes).isEmpty();
    }

    @Test
    void should_delete_at_the_loaded_version_and_say_why_not_when_another_model_falls_back_to_it() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        ModelEditor editor = editorOf(registry, user("ada", true), "gpt");

        // when
        ModelEditor.Saved deleted = editor.remove();
        registry.refusal = () -> new io.llmadmin.services.changes.ConflictingChangeException(
                "Model 'gpt' is a fallback of other; remove it from their fallbacks first");
        ModelEditor.Saved refused = editor.remove();

        // then
        assertThat(deleted.outcome()).isEqualTo("/console/models?faces-redirect=true&deleted=gpt");
        assertThat(refused.outcome()).isNull();
        assertThat(refused.refusals())
                .singleElement()
                .satisfies(refusal -> assertThat(refusal.text())
                        .contains("is a fallback of other")
                        .endsWith("Nothing was deleted."));
        assertThat(registry.changes).containsExactly("delete gpt", "delete gpt");
    }

    @Test
    void should_refuse_a_viewers_delete_without_asking_the_registry() {
        ScriptedRegistry registry = new ScriptedRegistry();

        ModelEditor.Saved refused =
                editorOf(registry, user("vera", false), "gpt").remove();

        assertThat(refused.refusals()).containsExactly(new ModelEditor.Refusal(null, ModelEditor.ADMINS_ONLY));
        assertThat(registry.changes).isEmpty();
    }

    @Test
    void should_put_each_field_error_on_its_input_when_the_registry_refuses_the_input() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        registry.refusal = () -> new InvalidChangeException(List.of(
                new FieldError("displayName", "must not be blank"),
                new FieldError("limits.outputTokensPerMinute", "must be >= 0 (0 = unlimited or unknown)"),
                new FieldError("fallbacks[0]", "no model 'x'")));
        ModelEditor editor = editorOf(registry, user("ada", true), null);

        // when
        ModelEditor.Saved saved = editor.store();

        // then
        assertThat(saved.outcome()).isNull();
        assertThat(saved.refusals())
                .containsExactly(
                        new ModelEditor.Refusal("modelForm:displayName", "must not be blank"),
                        new ModelEditor.Refusal(
                                "modelForm:outputTokensPerMinute", "must be >= 0 (0 = unlimited or unknown)"),
                        new ModelEditor.Refusal("modelForm:fallbackChoice", "Fallback 1: no model 'x'"),
                        new ModelEditor.Refusal(null, "Nothing was saved: correct the fields marked."));
    }

    @Test
    void should_save_a_changed_cache_ttl_with_the_model_and_leave_an_unchanged_one_alone() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        ScriptedPolicies policies = new ScriptedPolicies();
        policies.ttls.put("gpt", 60);
        ModelEditor unchanged = editorOf(registry, policies, user("ada", true), "gpt");
        ModelEditor changed = editorOf(registry, policies, user("ada", true), "gpt");

        // when
        ModelEditor.Saved first = unchanged.store();
        changed.setCacheTtl("300");
        ModelEditor.Saved second = changed.store();

        // then
        assertThat(unchanged.getCacheTtl()).isEqualTo("60");
        assertThat(first.outcome()).isNotNull();
        assertThat(second.outcome()).isNotNull();
        assertThat(policies.changes).containsExactly("gpt=300 by ada");
        assertThat(registry.changes).hasSize(2);
    }

    @Test
    void should_report_a_cache_ttl_out_of_range_with_the_registrys_errors_as_the_cache_policies_say_it() {
        // given
        ScriptedRegistry registry = new ScriptedRegistry();
        ScriptedPolicies policies = new ScriptedPolicies();
        ModelEditor tooLong = editorOf(registry, policies, user("ada", true), "gpt");
        tooLong.getForm().setDisplayName(" ");
        tooLong.setCacheTtl("86401");
        ModelEditor mistyped = editorOf(registry, policies, user("ada", true), "gpt");
        mistyped.setCacheTtl("an hour");

        // when
        ModelEditor.Saved refused = tooLong.store();
        ModelEditor.Saved unread = mistyped.store();

        // then
        assertThat(refused.refusals())
                .contains(
                        new ModelEditor.Refusal("modelForm:cacheTtl", "must be 0 (off) to 86400 seconds"),
                        new ModelEditor.Refusal("modelForm:displayName", "must not be blank"));
        assertThat(unread.refusals()).contains(new ModelEditor.Refusal("modelForm:cacheTtl", FormNumbers.NOT_WHOLE));
        assertThat(registry.changes).isEmpty();
        assertThat(policies.changes).isEmpty();
    }
}
