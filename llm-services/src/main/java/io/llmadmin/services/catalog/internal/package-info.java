/** How the catalog is kept: a time-bounded in-memory snapshot over the JPA store. */
package io.llmadmin.services.catalog.internal;
