package io.llmadmin.web.platform.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * Turns the container's resources into CDI beans, so every other class gets them by constructor injection. These
 * producer fields are the only place the application names the JNDI data source and the persistence unit.
 */
@ApplicationScoped
public class DatabaseResources {

    @Produces
    @Resource(lookup = "jdbc/llmadmin")
    private DataSource dataSource;

    @Produces
    @PersistenceContext(unitName = "llmadmin")
    private EntityManager entityManager;
}
