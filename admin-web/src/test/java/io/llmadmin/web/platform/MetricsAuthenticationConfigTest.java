package io.llmadmin.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The wiring of {@code METRICS_AUTHENTICATION=true} in the shipped Liberty configuration: the variable switches
 * mpMetrics' authentication and includes the metrics user's registry, which exists only for {@code true}, grants that
 * user Liberty's reader role, and has no usable default password. (What Liberty then does with it, 401 without and 200
 * with the user over HTTPS, was checked against a running server by hand: the IT server runs with open metrics.)
 */
class MetricsAuthenticationConfigTest {

    private static final Path CONFIG = Path.of("src/main/liberty/config");

    @Test
    void should_include_the_metrics_registry_only_when_metrics_authentication_is_true() throws Exception {
        Document server = parse(CONFIG.resolve("server.xml"));

        assertThat(attribute(server, "mpMetrics", "authentication")).containsExactly("${METRICS_AUTHENTICATION}");
        assertThat(attribute(server, "variable", "name")).contains("METRICS_AUTHENTICATION");
        List<String> includes = attribute(server, "include", "location");
        assertThat(includes).contains("${server.config.dir}/metrics-authentication-${METRICS_AUTHENTICATION}.xml");
        assertThat(attribute(server, "include", "optional")).containsOnly("true");
        assertThat(CONFIG.resolve("metrics-authentication-true.xml")).exists();
        assertThat(CONFIG.resolve("metrics-authentication-false.xml")).doesNotExist();
        assertThat(attribute(server, "basicRegistry", "id"))
                .as("no registry unless asked for")
                .isEmpty();
    }

    @Test
    void should_let_only_the_configured_metrics_user_read_metrics_with_no_default_password() throws Exception {
        Document included = parse(CONFIG.resolve("metrics-authentication-true.xml"));

        assertThat(attribute(included, "user", "name")).containsExactly("${METRICS_USER}");
        assertThat(attribute(included, "user", "password")).containsExactly("${METRICS_PASSWORD}");
        NodeList readers = included.getElementsByTagName("reader-role");
        assertThat(readers.getLength()).isEqualTo(1);
        assertThat(((Element) readers.item(0)).getTextContent().trim()).isEqualTo("${METRICS_USER}");
        NodeList variables = included.getElementsByTagName("variable");
        for (int i = 0; i < variables.getLength(); i++) {
            Element variable = (Element) variables.item(i);
            if (variable.getAttribute("name").equals("METRICS_PASSWORD")) {
                assertThat(variable.getAttribute("defaultValue")).isEmpty();
            }
        }
        assertThat(Files.readString(CONFIG.resolve("metrics-authentication-true.xml")))
                .doesNotContain("administrator-role");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> attribute(Document document, String element, String attribute) {
        NodeList nodes = document.getElementsByTagName(element);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            String value = ((Element) nodes.item(i)).getAttribute(attribute);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }
}
