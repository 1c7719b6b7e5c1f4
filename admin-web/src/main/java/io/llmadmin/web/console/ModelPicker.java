package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.ollama.ModelChoice;
import io.llmadmin.services.ollama.ModelSelection;
import io.llmadmin.services.ollama.SelectionCriteria;
import io.llmadmin.services.ollama.SizeCategory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The "choose a model" helper on the local models page: the criteria as a form, the ranking and its explanation as
 * {@link ModelSelection} gives them, and "no suitable model" as a message. Nothing is changed, so a request scope
 * suffices.
 */
@Named("modelPicker")
@RequestScoped
public class ModelPicker {

    private final ModelSelection selection;

    private String type = "chat";
    private Integer minContextLength;
    private boolean vision;
    private boolean tools;
    private String maxCategory;
    private String provider;
    private String explanation;
    private String problem;
    private List<Row> ranked = List.of();

    @Inject
    public ModelPicker(ModelSelection selection) {
        this.selection = selection;
    }

    /** For the CDI proxy only. */
    protected ModelPicker() {
        this(null);
    }

    public void choose() {
        explanation = null;
        problem = null;
        ranked = List.of();
        try {
            ModelChoice choice = selection.select(new SelectionCriteria(
                    ModelType.fromLabel(type).orElse(ModelType.CHAT),
                    minContextLength == null ? 0 : minContextLength,
                    vision ? Boolean.TRUE : null,
                    tools ? Boolean.TRUE : null,
                    maxCategory == null || maxCategory.isBlank()
                            ? null
                            : SizeCategory.valueOf(maxCategory.toUpperCase(Locale.ROOT)),
                    provider == null || provider.isBlank() ? null : provider.trim()));
            explanation = choice.explanation();
            ranked = choice.ranked().stream().map(Row::new).toList();
        } catch (UnknownEntityException | InvalidChangeException e) {
            problem = e.getMessage();
        }
    }

    public List<String> getTypes() {
        return ModelType.apiNames();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getMinContextLength() {
        return minContextLength;
    }

    public void setMinContextLength(Integer minContextLength) {
        this.minContextLength = minContextLength;
    }

    public boolean isVision() {
        return vision;
    }

    public void setVision(boolean vision) {
        this.vision = vision;
    }

    public boolean isTools() {
        return tools;
    }

    public void setTools(boolean tools) {
        this.tools = tools;
    }

    public String getMaxCategory() {
        return maxCategory;
    }

    public void setMaxCategory(String maxCategory) {
        this.maxCategory = maxCategory;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getProblem() {
        return problem;
    }

    public List<Row> getRanked() {
        return ranked;
    }

    /** One ranked model. */
    public static final class Row {
        private final ModelChoice.Candidate candidate;

        Row(ModelChoice.Candidate candidate) {
            this.candidate = candidate;
        }

        public String getId() {
            return candidate.catalogId();
        }

        public String getProvider() {
            return candidate.provider();
        }

        public int getContextLength() {
            return candidate.contextLength();
        }

        public String getSize() {
            return candidate.sizeBytes() == null ? "unknown" : OllamaConsole.bytes(candidate.sizeBytes());
        }

        public String getCategory() {
            return candidate.category() == null
                    ? ""
                    : candidate.category().name().toLowerCase(Locale.ROOT);
        }

        public String getLatency() {
            return candidate.averageLatencyMillis() == null ? "not measured" : candidate.averageLatencyMillis() + " ms";
        }
    }
}
