package io.llmadmin.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiBasicAuthenticationTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_user_and_password_with_colons_in_the_password() {
        UsernamePasswordCredential credential = ApiBasicAuthentication.credentialOf(basic("alice:pa:ss wörd"));

        assertThat(credential.getCaller()).isEqualTo("alice");
        assertThat(credential.getPasswordAsString()).isEqualTo("pa:ss wörd");
    }

    @Test
    void should_ignore_other_schemes_and_malformed_headers() {
        assertThat(ApiBasicAuthentication.credentialOf(null)).isNull();
        assertThat(ApiBasicAuthentication.credentialOf("Bearer llmk_abc")).isNull();
        assertThat(ApiBasicAuthentication.credentialOf("Basic !!!not-base64")).isNull();
        assertThat(ApiBasicAuthentication.credentialOf(basic("no-colon"))).isNull();
        assertThat(ApiBasicAuthentication.credentialOf(basic(":password-without-user")))
                .isNull();
    }
}
