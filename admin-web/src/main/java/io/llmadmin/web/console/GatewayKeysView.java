package io.llmadmin.web.console;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.services.changes.ConflictingChangeException;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.changes.StaleVersionException;
import io.llmadmin.services.changes.UnknownEntityException;
import io.llmadmin.services.gateway.GatewayKeyLimits;
import io.llmadmin.services.gateway.GatewayKeyView;
import io.llmadmin.services.gateway.GatewayKeys;
import io.llmadmin.services.gateway.IssuedGatewayKey;
import io.llmadmin.services.registry.ModelQuery;
import io.llmadmin.services.registry.ModelRegistry;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.primefaces.PrimeFaces;

/**
 * The gateway keys page ({@code /console/gateway-keys.xhtml}): every key with its allowed models, limits, expiry, last
 * use and state, for admins and viewers. Admins issue keys (the token is shown once, in a panel, and forgotten when
 * it is closed), change their models, limits and expiry, give them a new token, revoke them and delete revoked ones; every
 * change goes through {@link GatewayKeys} as the signed-in user, checked to be an admin here again.
 */
@Named("gatewayKeys")
@ViewScoped
public class GatewayKeysView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ADMINS_ONLY = "Only admins may change gateway keys.";

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /** The service's field names and the form's inputs. */
    static final Map<String, String> INPUTS = Map.of(
            "name", "keyForm:name",
            "allowedModels", "keyForm:allowedModels",
            "limits.requestsPerMinute", "keyForm:requestsPerMinute",
            "limits.inputTokensPerMinute", "keyForm:inputTokensPerMinute",
            "limits.outputTokensPerMinute", "keyForm:outputTokensPerMinute",
            "expiresAt", "keyForm:expiresOn");

    private final GatewayKeys keys;
    private final ModelRegistry registry;
    private final SignedInUser signedIn;

    /** The list's text filter, sort and page, kept in the URL. */
    private final ListUrlState list = new ListUrlState(List.of("name", "created", "expires", "lastUsed", "status"));

    private final ListedRows<GatewayKeyRow> rows = new ListedRows<>(list);

    private List<String> modelIds;

    private String editParameter;

    /** Whether the form to issue or edit a key is shown. */
    private boolean editorOpen;

    /** The form's key: null for a new one. */
    private Long editedId;

    private long editedVersion;
    private String name;
    private List<String> allowedModels = new ArrayList<>();
    private Integer requestsPerMinute;
    private Integer inputTokensPerMinute;
    private Integer outputTokensPerMinute;
    private LocalDate expiresOn;
    private OffsetDateTime storedExpiresAt;

    /** The token just issued, until its panel is closed; never anywhere else. */
    private String token;

    private String tokenKeyName;

    @Inject
    public GatewayKeysView(GatewayKeys keys, ModelRegistry registry, SignedInUser signedIn) {
        this.keys = keys;
        this.registry = registry;
        this.signedIn = signedIn;
    }

    /** For the CDI proxy only. */
    protected GatewayKeysView() {
        this(null, null, null);
    }

    public List<GatewayKeyRow> getRows() {
        ZoneId zone = ZoneId.systemDefault();
        return rows.shown(
                () -> keys.list().stream()
                        .map(key -> GatewayKeyRow.of(key, zone))
                        .toList(),
                row -> row.name() + " " + row.allowedModels() + " " + row.status());
    }

    public ListUrlState getList() {
        return list;
    }

    /** The text filter changed: the list is read again from the first page. */
    public void filtered() {
        rows.filtered();
    }

    /** Every model's catalog id, for the picker: a key may only name models that exist. */
    public List<String> getModelIds() {
        if (modelIds == null) {
            modelIds = allModelIds(registry);
        }
        return modelIds;
    }

    /** Every model's catalog id, by id, read page by page (the registry pages its lists). */
    static List<String> allModelIds(ModelRegistry registry) {
        return allModelIds(registry, null);
    }

    /** Every model's catalog id of this type (null: any), by id. */
    static List<String> allModelIds(ModelRegistry registry, ModelType type) {
        List<String> ids = new ArrayList<>();
        int page = 0;
        while (true) {
            var found = registry.list(new ModelQuery(type, null, null, null, "id", false, page, ModelQuery.MAX_SIZE));
            found.items().forEach(model -> ids.add(model.catalogId()));
            if (found.items().size() < ModelQuery.MAX_SIZE) {
                return ids;
            }
            page++;
        }
    }

    /** Opens the form for a new key. */
    public void startNew() {
        editorOpen = true;
        editedId = null;
        editedVersion = 0;
        name = null;
        allowedModels = new ArrayList<>();
        requestsPerMinute = null;
        inputTokensPerMinute = null;
        outputTokensPerMinute = null;
        expiresOn = null;
        storedExpiresAt = null;
    }

    /** Opens the form on a key as it is stored now. */
    public void startEdit(long id) {
        keys.find(id)
                .ifPresentOrElse(
                        key -> {
                            editorOpen = true;
                            editedId = key.id();
                            editedVersion = key.version();
                            name = key.name();
                            allowedModels = new ArrayList<>(key.allowedModels());
                            requestsPerMinute = key.limits().requestsPerMinute();
                            inputTokensPerMinute = key.limits().inputTokensPerMinute();
                            outputTokensPerMinute = key.limits().outputTokensPerMinute();
                            storedExpiresAt = key.expiresAt();
                            expiresOn = lastDay(key.expiresAt());
                        },
                        () -> {
                            ConsoleMessages.error(ConsoleMessages.deletedMeanwhile("gateway key " + id));
                            rows.readAgain();
                        });
    }

    /** The URL's {@code edit} parameter: the id of the key whose form to open. */
    public String getEditParameter() {
        return null;
    }

    public void setEditParameter(String id) {
        this.editParameter = id;
    }

    /** Opens the form on the key the URL names ({@code ?edit=<id>}), for admins, once per page view. */
    public void openFromUrl() {
        if (editParameter != null
                && signedIn.isAdmin()
                && !FacesContext.getCurrentInstance().isPostback()) {
            try {
                startEdit(Long.parseLong(editParameter.strip()));
            } catch (NumberFormatException e) {
                ConsoleMessages.error("No gateway key " + editParameter + ".");
            }
        }
    }

    /** Issues the new key or changes the edited one; on success the form closes. */
    public void save() {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        GatewayKeyLimits limits = new GatewayKeyLimits(
                orZero(requestsPerMinute), orZero(inputTokensPerMinute), orZero(outputTokensPerMinute));
        // An expiry set to the minute through the API stays as it is unless its day was changed here.
        OffsetDateTime expiresAt = expiresOn == null
                ? null
                : expiresOn.equals(lastDay(storedExpiresAt))
                        ? storedExpiresAt
                        : expiresOn.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        try {
            if (editedId == null) {
                IssuedGatewayKey issued =
                        keys.issue(signedIn.getName(), name, List.copyOf(allowedModels), limits, expiresAt);
                showToken(issued);
                ConsoleMessages.info("Issued the key " + issued.key().name() + ".");
            } else {
                GatewayKeyView changed = keys.change(
                        signedIn.getName(),
                        editedId,
                        List.copyOf(allowedModels),
                        limits,
                        expiresAt,
                        OptionalLong.of(editedVersion));
                ConsoleMessages.info("Saved the key " + changed.name() + ".");
            }
            rows.readAgain();
            editorOpen = false;
        } catch (InvalidChangeException e) {
            ConsoleMessages.fieldErrors(e.fieldErrors(), INPUTS);
        } catch (StaleVersionException e) {
            ConsoleMessages.error(ConsoleMessages.changedSinceOpened("key"));
        } catch (ConflictingChangeException | UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    /** Gives a key a new token and shows it once ({@code args.tokenShown}). */
    public void regenerate(long id) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            IssuedGatewayKey issued = keys.regenerate(signedIn.getName(), id);
            showToken(issued);
            ConsoleMessages.info("The key " + issued.key().name() + " has a new token; the old one no longer works.");
        } catch (ConflictingChangeException | UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
        rows.readAgain();
    }

    public void revoke(long id) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            GatewayKeyView revoked = keys.revoke(signedIn.getName(), id);
            ConsoleMessages.info("Revoked the key " + revoked.name() + ": it no longer opens the gateway.");
        } catch (UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
        rows.readAgain();
    }

    public void delete(long id) {
        if (!signedIn.mayChange(ADMINS_ONLY)) {
            return;
        }
        try {
            String deleted = keys.find(id).map(GatewayKeyView::name).orElse(Long.toString(id));
            keys.delete(signedIn.getName(), id);
            ConsoleMessages.info("Deleted the key " + deleted + ".");
        } catch (ConflictingChangeException | UnknownEntityException e) {
            ConsoleMessages.error(e.getMessage());
        }
        rows.readAgain();
    }

    public void closeEditor() {
        editorOpen = false;
    }

    public boolean isEditorOpen() {
        return editorOpen;
    }

    /** Closes the token's panel: the token is gone from the server for good. */
    public void forgetToken() {
        token = null;
        tokenKeyName = null;
    }

    private void showToken(IssuedGatewayKey issued) {
        token = issued.token();
        tokenKeyName = issued.key().name();
        PrimeFaces.current().ajax().addCallbackParam("tokenShown", true);
    }

    /** The last day (UTC) on which a key expiring at this instant works. */
    static LocalDate lastDay(OffsetDateTime expiresAt) {
        return expiresAt == null
                ? null
                : expiresAt.minusNanos(1).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public boolean isEditing() {
        return editedId != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getAllowedModels() {
        return allowedModels;
    }

    public void setAllowedModels(List<String> allowedModels) {
        this.allowedModels = allowedModels == null ? new ArrayList<>() : new ArrayList<>(allowedModels);
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getInputTokensPerMinute() {
        return inputTokensPerMinute;
    }

    public void setInputTokensPerMinute(Integer inputTokensPerMinute) {
        this.inputTokensPerMinute = inputTokensPerMinute;
    }

    public Integer getOutputTokensPerMinute() {
        return outputTokensPerMinute;
    }

    public void setOutputTokensPerMinute(Integer outputTokensPerMinute) {
        this.outputTokensPerMinute = outputTokensPerMinute;
    }

    /** The last day the key works (UTC): it expires at the end of that day. */
    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public String getToken() {
        return token;
    }

    public String getTokenKeyName() {
        return tokenKeyName;
    }
}
