package io.llmadmin.migration.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void should_drop_user_info_and_parameters_when_the_url_carries_credentials() {
        assertThat(JdbcUrls.withoutCredentials(
                        "jdbc:postgresql://django:s3cret@db:5432/legacy?password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/legacy");
        assertThat(JdbcUrls.withoutCredentials("jdbc:h2:./data/llmadmin;PASSWORD=s3cret"))
                .isEqualTo("jdbc:h2:./data/llmadmin");
    }

    @Test
    void should_keep_a_url_without_credentials_as_it_is() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    }
}
