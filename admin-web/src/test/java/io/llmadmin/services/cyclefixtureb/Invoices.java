package io.llmadmin.services.cyclefixtureb;

import io.llmadmin.services.cyclefixturea.Orders;

/** A fixture: the other half of the cycle. */
public class Invoices {

    public String orderOf(Orders orders) {
        return orders.toString();
    }
}
