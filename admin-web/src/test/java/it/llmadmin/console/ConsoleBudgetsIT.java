package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The budgets page and the gateway keys page's budget bars: an admin sets a key's budget (wrong values refused next
 * to their fields, a second budget for the same key refused), changes and clears it; the bar shows what the key's
 * priced calls spent and warns from 80 %; a viewer sees the list without any form.
 */
class ConsoleBudgetsIT extends PricedCallsTest {

    @Test
    void should_set_change_and_clear_a_keys_budget_and_refuse_wrong_values_by_field() {
        signInAndOpen("/console/budgets.xhtml", "admin", ADMIN_PASSWORD);
        assertThat(byId("menuBudgets")).hasAttribute("aria-current", "page");

        byId("budgetForm:amount").fill("-1");
        byId("budgetForm:currency").fill("dollars");
        byId("budgetForm:save").click();
        assertThat(byId("budgetForm:targetMessage")).containsText("Choose a key or a model");
        assertThat(byId("budgetForm:amountMessage")).containsText("between 0");
        assertThat(byId("budgetForm:currencyMessage")).containsText("three-letter");

        chooseTarget("key " + calls.key);
        byId("budgetForm:amount").fill("0.02");
        byId("budgetForm:currency").fill("USD");
        byId("budgetForm:save").click();
        assertThat(byId("budgetForm:messages")).containsText("Set the budget of key " + calls.key);
        var row = page.locator("tr.budget-" + calls.key);
        // Two calls of 0.0073 USD: 0.0146 of 0.02 is 73 %, below the warning.
        assertThat(row).containsText("0.0146 of 0.02 USD this month (73 %)");
        assertThat(row.locator(".budget-bar")).hasClass(java.util.regex.Pattern.compile(".*\\bok\\b.*"));

        // A second budget for the same key is refused next to the picker.
        chooseTarget("key " + calls.key);
        byId("budgetForm:amount").fill("1");
        byId("budgetForm:save").click();
        assertThat(byId("budgetForm:targetMessage")).not().isEmpty();
        assertThat(page.locator("tr.budget-" + calls.key)).hasCount(1);

        // Lowered to 0.018: 81 %, the bar warns.
        row.locator("button[id$=':edit']").click();
        assertThat(byId("formHeading")).containsText("Change the budget of KEY:" + calls.key);
        byId("budgetForm:amount").fill("0.018");
        byId("budgetForm:save").click();
        assertThat(row).containsText("0.0146 of 0.018 USD this month (81 %): warning, 80 % reached");
        assertThat(row.locator(".budget-bar")).hasClass(java.util.regex.Pattern.compile(".*\\bwarning\\b.*"));

        // The gateway keys page shows the same bar in the key's row.
        page.navigate(url("/console/gateway-keys.xhtml"));
        assertThat(page.locator("tr.key-" + calls.key)).containsText("0.0146 of 0.018 USD this month (81 %)");

        page.navigate(url("/console/budgets.xhtml"));
        page.onceDialog(dialog -> dialog.accept());
        page.locator("tr.budget-" + calls.key + " button[id$=':clear']").click();
        assertThat(byId("budgetForm:messages")).containsText("Cleared the budget of key " + calls.key);
        assertThat(page.locator("tr.budget-" + calls.key)).hasCount(0);
        page.navigate(url("/console/gateway-keys.xhtml"));
        assertThat(page.locator("tr.key-" + calls.key + " .no-budget")).containsText("none");
    }

    @Test
    void should_show_a_used_up_budget_to_a_viewer_without_any_form() {
        calls.budget("MODEL", calls.model, "0.01", "DAY");
        String viewer = UsersApi.unique("budget-viewer");
        UsersApi.createViewer(viewer);
        try {
            signInAndOpen("/console/budgets.xhtml", viewer, UsersApi.VIEWER_PASSWORD);
            var row = page.locator("tr.budget-" + calls.model);
            assertThat(row).containsText("0.0146 of 0.01 USD this day (146 %): used up, calls are refused");
            assertThat(row.locator(".budget-bar")).hasClass(java.util.regex.Pattern.compile(".*\\bexhausted\\b.*"));
            assertThat(byId("budgetForm")).hasCount(0);
            assertThat(row.locator("button")).hasCount(0);
            assertThat(byId("budgetsForm:viewerNote")).containsText("Only admins");
        } finally {
            UsersApi.delete(viewer);
            calls.clearBudgets();
        }
    }

    /** Picks a key or model in the form's picker by its label. */
    private void chooseTarget(String label) {
        choose("budgetForm:target", label);
    }
}
