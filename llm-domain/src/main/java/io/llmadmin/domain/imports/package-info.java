/**
 * The history of imports from the legacy Django application: one {@link io.llmadmin.domain.imports.ImportRun} per run
 * of the importer (real or dry), with its source, counts, outcome and the report it produced, so the console can list
 * what was brought across and when. The source description never carries credentials; the report never carries a
 * secret.
 */
package io.llmadmin.domain.imports;
