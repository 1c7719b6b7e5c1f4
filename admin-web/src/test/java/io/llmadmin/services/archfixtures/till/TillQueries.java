package io.llmadmin.services.archfixtures.till;

import jakarta.persistence.EntityManager;

/** A fixture: an API class (not internal) that queries the database itself, which the rule must refuse. */
public class TillQueries {

    public boolean open(EntityManager entityManager) {
        return entityManager.isOpen();
    }
}
