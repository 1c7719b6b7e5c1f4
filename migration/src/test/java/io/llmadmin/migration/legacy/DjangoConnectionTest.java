package io.llmadmin.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.migration.legacy.DjangoConnection.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which Django databases a caller may name, and which hosts the server may reach. */
class DjangoConnectionTest {

    @Test
    void should_read_plain_postgresql_mariadb_and_mysql_urls_with_default_ports() {
        DjangoConnection postgres =
                DjangoConnection.parse("jdbc:postgresql://DB.example:6543/legacy", "u", "secret-pw");
        DjangoConnection mysql = DjangoConnection.parse("jdbc:mysql://127.0.0.1/legacy", "u", null);

        assertThat(postgres.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/legacy");
        assertThat(mysql.engine()).isEqualTo(Engine.MARIADB);
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/legacy");
        assertThat(postgres.toString() + postgres.description()).doesNotContain("secret-pw");
    }

    @Test
    void should_refuse_properties_user_info_second_hosts_and_other_drivers_without_quoting_the_url() {
        for (String url : new String[] {
            "jdbc:postgresql://h/db?sslfactory=x",
            "jdbc:postgresql://h/db;loggerFile=/tmp/x",
            "jdbc:postgresql://user:pw-in-url@h/db",
            "jdbc:postgresql://h1,h2/db",
            "jdbc:mariadb://h/db?allowLocalInfile=true",
            "jdbc:h2:mem:x",
            "jdbc:sqlite:/etc/passwd",
            "jdbc:postgresql://h:99999/db"
        }) {
            assertThatThrownBy(() -> DjangoConnection.parse(url, null, null))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .message()
                    .doesNotContain("pw-in-url");
        }
    }

    @Test
    void should_describe_an_uploaded_sqlite_file_without_its_server_path() {
        DjangoConnection sqlite = DjangoConnection.sqlite(Path.of("/tmp/llmadmin-import-1.sqlite3"));

        assertThat(sqlite.jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/llmadmin-import-1.sqlite3");
        assertThat(sqlite.description()).isEqualTo("uploaded SQLite database");
    }

    @Test
    void should_allow_loopback_and_configured_hosts_only() {
        DatabaseHosts hosts = DatabaseHosts.loopbackAnd(" legacy-db.internal , 10.0.0.5");

        assertThat(hosts.allows("127.0.0.1")).isTrue();
        assertThat(hosts.allows("::1")).isTrue();
        assertThat(hosts.allows("localhost")).isTrue();
        assertThat(hosts.allows("LEGACY-DB.internal")).isTrue();
        assertThat(hosts.allows("10.0.0.5")).isTrue();
        assertThat(hosts.allows("10.0.0.6")).isFalse();
        assertThat(hosts.allows("169.254.169.254")).isFalse();
        assertThat(DatabaseHosts.loopbackAnd("").allows("10.0.0.5")).isFalse();
    }
}
