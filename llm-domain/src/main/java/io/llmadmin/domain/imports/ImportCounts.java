package io.llmadmin.domain.imports;

/**
 * What an import run did with the rows it read.
 *
 * @param read rows read from the source (ignored records included)
 * @param created rows that create a catalog entry
 * @param updated rows that change an existing entry
 * @param unchanged rows that match their entry already
 * @param rejected rows refused, each with its reason in the report
 * @param ignored records of no interest to the importer (other Django models, empty settings families)
 * @param secrets API keys found in the legacy data (moved to the vault, would be moved, or dropped)
 */
public record ImportCounts(int read, int created, int updated, int unchanged, int rejected, int ignored, int secrets) {

    public ImportCounts {
        if (read < 0 || created < 0 || updated < 0 || unchanged < 0 || rejected < 0 || ignored < 0 || secrets < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** Nothing counted yet. */
    public static ImportCounts none() {
        return new ImportCounts(0, 0, 0, 0, 0, 0, 0);
    }
}
