package io.llmadmin.services.archfixtures.shop;

import io.llmadmin.services.archfixtures.shop.internal.Stock;

/** A fixture: the feature's own API using its internal class, which is allowed. */
public class Shop {

    public boolean open(Stock stock) {
        return stock.open();
    }
}
