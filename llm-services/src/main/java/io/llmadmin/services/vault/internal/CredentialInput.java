package io.llmadmin.services.vault.internal;

import io.llmadmin.domain.credential.ApiCredential;
import io.llmadmin.domain.credential.ProviderEndpoints;
import io.llmadmin.domain.model.Providers;
import io.llmadmin.services.changes.FieldError;
import io.llmadmin.services.changes.InvalidChangeException;
import io.llmadmin.services.vault.NewCredential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an admin states about a credential, checked as a whole: every wrong field is named at once, and no message ever
 * quotes a secret (only its position, {@code secrets[1]}) or a URL's user-info.
 */
final class CredentialInput {

    static final int MIN_SECRET_LENGTH = 8;
    static final int MAX_SECRET_LENGTH = 2048;

    /** A request that passed every check: provider lower-case, the endpoint filled in, secrets trimmed. */
    record Checked(String provider, String label, String baseUrl, List<String> secrets) {}

    private CredentialInput() {}

    /** @throws InvalidChangeException naming {@code provider}, {@code name}, {@code baseUrl}, {@code secrets[i]} */
    static Checked check(NewCredential request) {
        List<FieldError> errors = new ArrayList<>();
        String provider =
                request.provider() == null ? "" : request.provider().trim().toLowerCase(Locale.ROOT);
        if (!Providers.isKnown(provider)) {
            errors.add(new FieldError("provider", "must be one of " + String.join(", ", Providers.KNOWN)));
        }
        String label = request.label() == null ? "" : request.label().trim();
        if (label.isEmpty() || label.length() > ApiCredential.MAX_LABEL_LENGTH) {
            errors.add(new FieldError("name", "must be 1 to " + ApiCredential.MAX_LABEL_LENGTH + " characters"));
        }
        String baseUrl = request.baseUrl() == null || request.baseUrl().isBlank()
                ? ProviderEndpoints.official(provider).orElse(null)
                : request.baseUrl().trim();
        if (baseUrl == null) {
            errors.add(new FieldError("baseUrl", "is required: provider '" + provider + "' has no official endpoint"));
        } else {
            ProviderEndpoints.problem(baseUrl).ifPresent(problem -> errors.add(new FieldError("baseUrl", problem)));
        }
        List<String> secrets = secrets(request.secrets(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidChangeException(errors);
        }
        return new Checked(provider, label, baseUrl, secrets);
    }

    private static List<String> secrets(List<String> secrets, List<FieldError> errors) {
        if (secrets.isEmpty()) {
            errors.add(new FieldError("secrets", "must hold at least one secret"));
            return List.of();
        }
        if (secrets.size() > ApiCredential.MAX_SECRETS) {
            errors.add(new FieldError("secrets", "must hold at most " + ApiCredential.MAX_SECRETS + " secrets"));
            return List.of();
        }
        List<String> clear = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String field = "secrets[" + i + "]";
            try {
                String checked = secret(secrets.get(i), field);
                if (clear.contains(checked)) {
                    errors.add(new FieldError(field, "is given twice"));
                } else {
                    clear.add(checked);
                }
            } catch (InvalidChangeException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        return clear;
    }

    /**
     * One secret, trimmed: 8 to 2048 characters without spaces or control characters.
     *
     * @throws InvalidChangeException naming {@code field}, never the value
     */
    static String secret(String secret, String field) {
        String clear = secret == null ? "" : secret.strip();
        if (clear.length() < MIN_SECRET_LENGTH || clear.length() > MAX_SECRET_LENGTH) {
            throw new InvalidChangeException(
                    field, "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters");
        }
        if (clear.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidChangeException(field, "must not contain spaces or control characters");
        }
        return clear;
    }
}
