package io.llmadmin.services.cyclefixturea;

import io.llmadmin.services.cyclefixtureb.Invoices;

/** A fixture: one half of a cycle between two service features. */
public class Orders {

    public String invoiceOf(Invoices invoices) {
        return invoices.toString();
    }
}
