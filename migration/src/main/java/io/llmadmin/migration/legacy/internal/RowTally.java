package io.llmadmin.migration.legacy.internal;

import io.llmadmin.domain.imports.ImportCounts;
import io.llmadmin.migration.legacy.ImportOptions;
import io.llmadmin.migration.legacy.RowAction;
import io.llmadmin.migration.legacy.RowOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The counts over every row of a run, and the rows listed one by one: up to the list limit of rejections and as many
 * other rows, in input order, so that rejections are never crowded out of the report by a large import. Every outcome
 * is passed on to the run's progress listener as it is counted.
 */
final class RowTally {

    private final ImportOptions options;
    private final Consumer<RowOutcome> progress;
    private final List<RowOutcome> listed = new ArrayList<>();
    private int listedOthers;
    private int listedRejections;
    private int outcomes;
    private int read;
    private int created;
    private int updated;
    private int unchanged;
    private int rejected;
    private int ignored;

    RowTally(ImportOptions options, Consumer<RowOutcome> progress) {
        this.options = options;
        this.progress = progress == null ? outcome -> {} : progress;
    }

    void read() {
        read++;
    }

    void ignored() {
        ignored++;
    }

    void count(RowOutcome outcome) {
        switch (outcome.action()) {
            case CREATE -> created++;
            case UPDATE -> updated++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> rejected++;
        }
        outcomes++;
        if (outcome.action() == RowAction.REJECTED) {
            if (listedRejections < options.listLimit()) {
                listedRejections++;
                listed.add(outcome);
            }
        } else if (listedOthers < options.listLimit()) {
            listedOthers++;
            listed.add(outcome);
        }
        progress.accept(outcome);
    }

    /**
     * Adds to a row's outcome after the fact (its fallbacks, linked once the whole input was written): the note joins
     * its detail, and a row that changed nothing but its fallbacks counts as an update.
     */
    void amend(String reference, RowAction action, boolean changed, String note) {
        boolean promote = changed && action == RowAction.UNCHANGED;
        if (promote) {
            unchanged--;
            updated++;
        }
        for (int i = 0; i < listed.size(); i++) {
            RowOutcome outcome = listed.get(i);
            if (outcome.reference().equals(reference)) {
                String detail = promote
                        ? "changes " + note + (outcome.detail() == null ? "" : "; " + outcome.detail())
                        : outcome.detail() == null ? note : outcome.detail() + "; " + note;
                listed.set(
                        i,
                        new RowOutcome(
                                reference, outcome.catalogId(), promote ? RowAction.UPDATE : outcome.action(), detail));
                return;
            }
        }
    }

    int rejected() {
        return rejected;
    }

    /** The counts so far, with the number of keys found (kept by the key tracker). */
    ImportCounts counts(int secrets) {
        return new ImportCounts(read, created, updated, unchanged, rejected, ignored, secrets);
    }

    List<RowOutcome> listed() {
        return listed;
    }

    int notListed() {
        return outcomes - listed.size();
    }
}
