package io.llmadmin.migration.legacy;

/**
 * How to run an import.
 *
 * @param dryRun plan only: every row is planned exactly as a real run would (create, update, unchanged, rejected) and
 *     all of it rolled back; no key is handed to the vault
 * @param strict any rejected row fails the whole run and nothing is written (the report still lists every rejection)
 * @param dropSecrets without a {@link SecretSink}, import rows that carry an API key with the key dropped (the
 *     report says so) instead of rejecting them
 * @param batchSize rows written between two flushes of the persistence context (memory stays flat)
 * @param listLimit at most this many rows are listed one by one in the report (rejections first come, first listed);
 *     the counts always cover every row
 */
public record ImportOptions(boolean dryRun, boolean strict, boolean dropSecrets, int batchSize, int listLimit) {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int DEFAULT_LIST_LIMIT = 10_000;

    public ImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
        if (listLimit < 0) {
            throw new IllegalArgumentException("listLimit must be >= 0");
        }
    }

    /** A real, lenient run that rejects rows carrying a key when there is no sink. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, false, false, DEFAULT_BATCH_SIZE, DEFAULT_LIST_LIMIT);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(value, strict, dropSecrets, batchSize, listLimit);
    }

    public ImportOptions withStrict(boolean value) {
        return new ImportOptions(dryRun, value, dropSecrets, batchSize, listLimit);
    }

    public ImportOptions withDropSecrets(boolean value) {
        return new ImportOptions(dryRun, strict, value, batchSize, listLimit);
    }

    public ImportOptions withBatchSize(int value) {
        return new ImportOptions(dryRun, strict, dropSecrets, value, listLimit);
    }

    public ImportOptions withListLimit(int value) {
        return new ImportOptions(dryRun, strict, dropSecrets, batchSize, value);
    }
}
