package it.llmadmin.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A console IT that starts with two priced calls of its own key and model ({@link PricedCalls}), removed after. */
abstract class PricedCallsTest extends ConsoleTest {

    static PricedCalls calls;

    @BeforeAll
    static void twoPricedCalls() throws Exception {
        calls = new PricedCalls("it-priced");
        calls.call(2);
    }

    @AfterAll
    static void removePricedCalls() {
        if (calls != null) {
            calls.close();
            calls = null;
        }
    }
}
