/**
 * The model catalog's system of record: {@link io.llmadmin.domain.model.ModelConfiguration} is one model an
 * organisation uses (chat, embedding, image or speech), with how to route it, how to show it and how much of it may
 * be used. The schema of these entities is owned by the Liquibase changelogs of the {@code migration} module; the
 * mapping here must follow them, never generate them.
 */
package io.llmadmin.domain.model;
