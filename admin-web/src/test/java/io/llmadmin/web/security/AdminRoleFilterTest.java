package io.llmadmin.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminRoleFilterTest {

    @ParameterizedTest(name = "{0} {1} as admin={2} viewer={3} -> {4}")
    @CsvSource({
        "GET,    models,                true,  false, true",
        "DELETE, models/x,              true,  false, true",
        "POST,   users,                 true,  false, true",
        "GET,    models,                false, true,  true",
        "GET,    /models/x,             false, true,  true",
        "GET,    audit,                 false, true,  true",
        "POST,   models,                false, true,  false",
        "PUT,    models/x,              false, true,  false",
        "PATCH,  models/x,              false, true,  false",
        "DELETE, models/x,              false, true,  false",
        "POST,   models/x/deactivate,   false, true,  false",
        "GET,    users,                 false, true,  false",
        "GET,    users/alice,           false, true,  false",
        "GET,    me,                    false, true,  true",
        "PUT,    me/password,           false, true,  true",
        "GET,    models,                false, false, false"
    })
    void should_let_admins_do_everything_and_viewers_only_read_and_manage_themselves(
            String method, String path, boolean admin, boolean viewer, boolean allowed) {
        assertThat(AdminRoleFilter.allowed(method, path, admin, viewer)).isEqualTo(allowed);
    }
}
