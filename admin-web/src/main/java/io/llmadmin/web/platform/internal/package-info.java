/**
 * The container's database resources as CDI beans (the data source and the entity manager): the one place the
 * application names the JNDI data source and the persistence unit. Internal, because only the persistence code of the
 * services and the importer receive them, by constructor injection.
 */
package io.llmadmin.web.platform.internal;
