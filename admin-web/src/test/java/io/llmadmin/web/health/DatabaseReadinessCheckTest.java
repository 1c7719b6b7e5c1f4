package io.llmadmin.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.web.platform.SchemaState;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseReadinessCheckTest {

    private static JdbcDataSource reachableDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void should_be_down_while_the_schema_is_not_migrated_and_up_once_it_is() {
        SchemaState schema = new SchemaState();
        DatabaseReadinessCheck check = new DatabaseReadinessCheck(reachableDatabase(), schema);

        assertThat(check.probe().up()).isFalse();
        assertThat(check.probe().data()).containsEntry("schema", "not migrated yet");

        schema.markMigrated();

        assertThat(check.probe().up()).isTrue();
        assertThat(check.probe().data()).containsEntry("connection", "valid");
    }

    @Test
    void should_be_down_when_the_database_does_not_answer() {
        SchemaState schema = new SchemaState();
        schema.markMigrated();
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";IFEXISTS=TRUE");

        DatabaseReadinessCheck.Probe probe = new DatabaseReadinessCheck(unreachable, schema).probe();

        assertThat(probe.up()).isFalse();
        assertThat(probe.data()).containsEntry("connection", "unreachable: JdbcSQLNonTransientConnectionException");
    }
}
