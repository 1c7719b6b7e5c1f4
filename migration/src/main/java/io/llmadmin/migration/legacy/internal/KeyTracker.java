package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportStatus;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.RowAction;
import io.llmadmin.migration.legacy.RowOutcome;
import io.llmadmin.migration.legacy.SecretMove;
import io.llmadmin.migration.legacy.SecretMove.Disposition;
import io.llmadmin.migration.legacy.SecretSink;
import io.llmadmin.migration.legacy.internal.MappedRow.Accepted;
import io.llmadmin.migration.legacy.internal.MappedRow.FoundSecret;
import io.llmadmin.migration.legacy.internal.MappedRow.SecretOnly;
import java.util.ArrayList;
import java.util.List;

/**
 * The API keys one run finds: which rows may carry one (none without a vault, unless keys are to be dropped), the
 * keys to hand to the vault once the rows are written, and what became of each for the report (by last four
 * characters only; the keys themselves are forgotten when the run ends).
 */
final class KeyTracker {

    /** The reason of a row that carries a key when there is no vault to hand it to. */
    static final String CARRIES_A_KEY =
            "carries an API key: import it through the admin API so the key lands encrypted in the vault";

    /** A key found, as the report shows it, and whether its row was accepted. */
    private record FoundKey(String reference, String provider, String label, String lastFour, boolean accepted) {}

    private final SecretSink sink;
    private final ImportOptions options;
    private final List<FoundKey> keys = new ArrayList<>();
    private final List<FoundSecret> toVault = new ArrayList<>();
    private final java.util.Set<String> alreadyStored = new java.util.HashSet<>();
    private int found;
    private int stored;

    KeyTracker(SecretSink sink, ImportOptions options) {
        this.sink = sink;
        this.options = options;
    }

    /** Keys found so far, listed or not. */
    int found() {
        return found;
    }

    /** Refuses a row that carries a key when there is no vault and keys are not to be dropped; null otherwise. */
    RowOutcome keyWithoutVault(Accepted row) {
        if (!row.secrets().isEmpty() && sink == null && !options.dropSecrets()) {
            row.secrets().forEach(secret -> key(row.reference(), secret, false));
            return new RowOutcome(row.reference(), row.catalogId(), RowAction.REJECTED, CARRIES_A_KEY);
        }
        return null;
    }

    /** A key on its own: refused without a vault (unless dropped), otherwise taken; null when taken. */
    RowOutcome secretOnly(SecretOnly row) {
        if (sink == null && !options.dropSecrets()) {
            key(row.reference(), row.secret(), false);
            return new RowOutcome(row.reference(), null, RowAction.REJECTED, CARRIES_A_KEY);
        }
        key(row.reference(), row.secret(), true);
        return null;
    }

    /** Takes the keys of an accepted row. */
    void accept(Accepted row) {
        row.secrets().forEach(secret -> key(row.reference(), secret, true));
    }

    /** What a row's outcome says about its keys, or null when it carries none. */
    String note(Accepted row) {
        if (row.secrets().isEmpty()) {
            return null;
        }
        String what = row.secrets().size() == 1 ? "an API key" : row.secrets().size() + " API keys";
        if (sink == null) {
            return what + " dropped (--drop-secrets)";
        }
        return what + (options.dryRun() ? " would go" : " goes") + " to the vault";
    }

    private void key(String reference, FoundSecret secret, boolean accepted) {
        found++;
        if (keys.size() < options.listLimit()) {
            keys.add(new FoundKey(
                    reference, secret.provider(), secret.label(), SecretMove.lastFourOf(secret.secret()), accepted));
        }
        if (accepted && sink != null && !options.dryRun()) {
            toVault.add(secret);
        }
    }

    /** Keys the vault took in this run (not those it already held). */
    int stored() {
        return stored;
    }

    /** Hands the taken keys to the vault, inside the run's transaction; a key it already holds is left alone. */
    void handToVault() {
        for (FoundSecret secret : toVault) {
            try {
                if (sink.holds(secret.provider(), secret.label(), secret.secret())) {
                    alreadyStored.add(
                            identity(secret.provider(), secret.label(), SecretMove.lastFourOf(secret.secret())));
                    continue;
                }
                sink.store(secret.provider(), secret.label(), secret.secret(), secret.endpoint());
                stored++;
            } catch (RuntimeException e) {
                // The sink's message could quote what it was given; name the key by provider and label only.
                throw new IllegalStateException("the vault refused the key for provider '" + secret.provider()
                        + "' (label '" + secret.label() + "'): " + e.getClass().getSimpleName());
            }
        }
    }

    private static String identity(String provider, String label, String lastFour) {
        return provider + '\u0000' + label + '\u0000' + lastFour;
    }

    /** Drops every key this run still holds. */
    void forget() {
        toVault.clear();
    }

    /** The keys found, as the report lists them for a run that ended so. */
    List<SecretMove> moves(ImportStatus status) {
        List<SecretMove> moves = new ArrayList<>();
        for (FoundKey key : keys) {
            moves.add(new SecretMove(
                    key.reference(), key.provider(), key.label(), key.lastFour(), disposition(key, status)));
        }
        return moves;
    }

    private Disposition disposition(FoundKey key, ImportStatus status) {
        if (!key.accepted()) {
            return Disposition.NOT_MOVED;
        }
        if (sink == null) {
            return status == ImportStatus.COMMITTED || status == ImportStatus.DRY_RUN
                    ? Disposition.DROPPED
                    : Disposition.NOT_MOVED;
        }
        return switch (status) {
            case COMMITTED ->
                alreadyStored.contains(identity(key.provider(), key.label(), key.lastFour()))
                        ? Disposition.ALREADY_STORED
                        : Disposition.MOVED;
            case DRY_RUN -> Disposition.WOULD_MOVE;
            default -> Disposition.NOT_MOVED;
        };
    }
}
