package io.llmadmin.services.archfixtures.till;

import io.llmadmin.services.archfixtures.shop.internal.Stock;

/** A fixture: another feature reaching into shop's internal package, which the rule must refuse. */
public class Till {

    public boolean open(Stock stock) {
        return stock.open();
    }
}
