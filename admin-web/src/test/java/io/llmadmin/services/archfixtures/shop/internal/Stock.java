package io.llmadmin.services.archfixtures.shop.internal;

import jakarta.persistence.EntityManager;

/** A fixture: an implementation class of the feature "shop", allowed to use the entity manager. */
public class Stock {

    private final EntityManager entityManager;

    public Stock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean open() {
        return entityManager.isOpen();
    }
}
