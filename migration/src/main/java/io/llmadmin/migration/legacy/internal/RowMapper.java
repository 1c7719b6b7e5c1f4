package io.llmadmin.migration.legacy.internal;

import static io.llmadmin.migration.legacy.LegacyRow.API_BASE;
import static io.llmadmin.migration.legacy.LegacyRow.API_KEY;
import static io.llmadmin.migration.legacy.LegacyRow.CONTEXT_LENGTH;
import static io.llmadmin.migration.legacy.LegacyRow.CTX_LENGTH;
import static io.llmadmin.migration.legacy.LegacyRow.DESCRIPTION;
import static io.llmadmin.migration.legacy.LegacyRow.ID;
import static io.llmadmin.migration.legacy.LegacyRow.IS_ACTIVE;
import static io.llmadmin.migration.legacy.LegacyRow.KWARGS;
import static io.llmadmin.migration.legacy.LegacyRow.LABEL;
import static io.llmadmin.migration.legacy.LegacyRow.LIMIT_INPUT;
import static io.llmadmin.migration.legacy.LegacyRow.LIMIT_OUTPUT;
import static io.llmadmin.migration.legacy.LegacyRow.LIMIT_REQUESTS;
import static io.llmadmin.migration.legacy.LegacyRow.MODEL_TYPE;
import static io.llmadmin.migration.legacy.LegacyRow.NAME;
import static io.llmadmin.migration.legacy.LegacyRow.PROVIDER;
import static io.llmadmin.migration.legacy.LegacyRow.REASON;
import static io.llmadmin.migration.legacy.LegacyRow.TYPE;
import static io.llmadmin.migration.legacy.LegacyRow.VISION;

import io.llmadmin.domain.model.ModelType;
import io.llmadmin.migration.legacy.LegacyRow;
import io.llmadmin.migration.legacy.RowKind;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import io.llmadmin.migration.legacy.internal.MappedRow.FoundSecret;
import io.llmadmin.migration.legacy.internal.MappedRow.Ignored;
import io.llmadmin.migration.legacy.internal.MappedRow.Rejected;
import io.llmadmin.migration.legacy.internal.MappedRow.SecretOnly;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates one legacy row and maps it onto the catalog's terms. Every rule refuses the row with a reason that names
 * the field (and never quotes a key): unknown type or provider, a count that is not a whole number, negative or
 * larger than the largest int (a context length of 5,000,000,000 is refused, not clamped: a clamped value would be a
 * silently different model), a kwargs that is not a JSON object, text longer than its column.
 */
final class RowMapper {

    static final int MAX_NAME = 200;
    static final int MAX_DISPLAY_NAME = 255;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_VENDOR = 100;
    static final int MAX_API_BASE = 500;

    private RowMapper() {}

    /** Thrown inside the mapper for the first rule a row breaks. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    static MappedRow map(LegacyRow row) {
        try {
            return switch (row.kind()) {
                case CONFIGURATION -> configuration(row);
                case METADATA -> metadata(row);
                case SECRET -> secret(row);
                case IGNORED ->
                    new Ignored(
                            row.reference(),
                            Optional.ofNullable(row.field(REASON)).orElse("ignored"));
            };
        } catch (Refusal refusal) {
            return new Rejected(row.reference(), catalogIdOf(row), refusal.getMessage());
        }
    }

    private static String catalogIdOf(LegacyRow row) {
        String key = row.kind() == RowKind.METADATA ? row.field(ID) : row.field(NAME);
        return key == null || key.isBlank() ? null : CatalogIds.derive(key.trim());
    }

    private static Accepted configuration(LegacyRow row) {
        String name = text(row, NAME, MAX_NAME);
        if (name == null) {
            throw new Refusal("name is missing");
        }
        ModelType type = type(row, TYPE);
        String provider = provider(row.field(PROVIDER));
        String apiBase = text(row, API_BASE, MAX_API_BASE);
        int contextLength = count(row, CTX_LENGTH);
        int requests = count(row, LIMIT_REQUESTS);
        int input = count(row, LIMIT_INPUT);
        int output = count(row, LIMIT_OUTPUT);
        boolean vision = bool(row, VISION, false);
        Kwargs.Cleaned kwargs = Kwargs.clean(row.field(KWARGS), provider);
        if (kwargs.error() != null) {
            throw new Refusal(kwargs.error());
        }
        String catalogId = CatalogIds.derive(name);
        String label = "imported:" + catalogId;
        List<FoundSecret> secrets = new ArrayList<>();
        String endpoint = apiBase == null || apiBase.isBlank() ? null : apiBase.trim();
        kwargs.secrets().forEach(secret -> secrets.add(new FoundSecret(provider, label, secret, endpoint)));
        String besideRow = row.field(API_KEY);
        if (besideRow != null && !besideRow.isBlank()) {
            secrets.add(new FoundSecret(provider, label, besideRow.trim(), endpoint));
        }
        return new Accepted(
                RowKind.CONFIGURATION,
                row.reference(),
                catalogId,
                type,
                provider,
                name,
                name,
                null,
                null,
                apiBase,
                contextLength,
                requests,
                input,
                output,
                vision,
                kwargs.json(),
                true,
                List.copyOf(secrets),
                kwargs.fallbacks(),
                kwargs.inert());
    }

    private static Accepted metadata(LegacyRow row) {
        String id = text(row, ID, Integer.MAX_VALUE);
        if (id == null) {
            throw new Refusal("id is missing");
        }
        String name = text(row, NAME, MAX_DISPLAY_NAME);
        if (name == null) {
            throw new Refusal("name is missing");
        }
        String description = text(row, DESCRIPTION, MAX_DESCRIPTION);
        ModelType type = type(row, MODEL_TYPE);
        int contextLength = count(row, CONTEXT_LENGTH);
        boolean active = bool(row, IS_ACTIVE, true);
        String vendor = text(row, PROVIDER, MAX_VENDOR);
        String catalogId = CatalogIds.derive(id);
        return new Accepted(
                RowKind.METADATA,
                row.reference(),
                catalogId,
                type,
                Providers.routingForVendor(vendor, type),
                catalogId,
                name,
                description,
                vendor,
                null,
                contextLength,
                0,
                0,
                0,
                false,
                null,
                active,
                List.of(),
                List.of(),
                List.of());
    }

    private static SecretOnly secret(LegacyRow row) {
        String provider = provider(row.field(PROVIDER));
        String secret = row.field(API_KEY);
        if (secret == null || secret.isBlank()) {
            throw new Refusal("api key is empty");
        }
        String label = Optional.ofNullable(row.field(LABEL)).orElse("imported");
        return new SecretOnly(row.reference(), new FoundSecret(provider, label, secret.trim()));
    }

    private static String text(LegacyRow row, String field, int max) {
        String value = row.field(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new Refusal(field + " is " + trimmed.length() + " characters long; at most " + max + " fit");
        }
        return trimmed;
    }

    private static ModelType type(LegacyRow row, String field) {
        String label = row.field(field);
        return ModelType.fromLabel(label)
                .orElseThrow(() -> new Refusal("unknown " + field + " '" + shown(label) + "' (known: "
                        + String.join(", ", ModelType.apiNames()) + ", or the legacy labels Chat, Embedding)"));
    }

    private static String provider(String legacy) {
        return Providers.normalize(legacy)
                .orElseThrow(() -> new Refusal("unknown provider '" + shown(legacy) + "' (known: "
                        + String.join(", ", Providers.KNOWN) + ")"));
    }

    private static int count(LegacyRow row, String field) {
        String value = row.field(field);
        if (value == null || value.isBlank()) {
            return 0;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(field + " '" + shown(value) + "' is not a whole number");
        }
        if (number.signum() < 0) {
            throw new Refusal(field + " must be >= 0 (0 = unlimited or unknown), got " + number.toPlainString());
        }
        BigDecimal whole;
        try {
            whole = new BigDecimal(number.toBigIntegerExact());
        } catch (ArithmeticException e) {
            throw new Refusal(field + " '" + shown(value) + "' is not a whole number");
        }
        if (whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new Refusal(field + " " + whole.toPlainString() + " is larger than the largest supported, "
                    + Integer.MAX_VALUE);
        }
        return whole.intValue();
    }

    private static boolean bool(LegacyRow row, String field, boolean absent) {
        String value = row.field(field);
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y" -> true;
            case "false", "f", "0", "no", "n" -> false;
            default -> throw new Refusal(field + " '" + shown(value) + "' is not true or false");
        };
    }

    /** A legacy value as quoted in a reason: at most 60 characters. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
