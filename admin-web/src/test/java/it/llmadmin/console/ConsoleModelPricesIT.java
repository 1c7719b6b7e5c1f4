package it.llmadmin.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The price section of a stored model's page: a wrong price is refused next to its field, a right one is added to
 * the history (newest first) and audited; a viewer sees the history without the form.
 */
class ConsoleModelPricesIT extends ConsoleTest {

    @Test
    void should_add_a_price_to_the_history_and_refuse_a_wrong_one_by_field() {
        String model = UsersApi.unique("it-priced-model");
        ModelsApi.create(model, true);
        try {
            signInAndOpen("/console/model.xhtml?id=" + model, "admin", ADMIN_PASSWORD);
            assertThat(byId("priceForm:priceHistory")).containsText("Not priced");

            byId("priceForm:currency").fill("dollars");
            byId("priceForm:inputPerMillion").fill("1.5");
            byId("priceForm:outputPerMillion").fill("-3");
            byId("priceForm:addPrice").click();
            assertThat(byId("priceForm:currencyMessage")).containsText("three-letter");
            assertThat(byId("priceForm:outputPerMillionMessage")).containsText("between 0");
            assertThat(byId("priceForm:priceHistory")).containsText("Not priced");

            byId("priceForm:currency").fill("EUR");
            byId("priceForm:outputPerMillion").fill("6.25");
            byId("priceForm:addPrice").click();
            assertThat(byId("priceForm:priceMessages")).containsText("Price saved");
            assertThat(byId("priceForm:priceHistory")).containsText("EUR");
            assertThat(byId("priceForm:priceHistory")).containsText("6.25");
            assertThat(byId("priceForm:priceHistory")).containsText("admin");

            JsonObject audit = ModelsApi.audit(model);
            assertThat(audit.toString()).contains("PRICE").contains("6.25");
        } finally {
            ModelsApi.deleteQuietly(model);
        }
    }
}
