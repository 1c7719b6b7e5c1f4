package it.llmadmin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmadmin.services.testsupport.Eventually;
import it.llmadmin.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The retention of raw usage rows through the running server: the IT server keeps them
 * {@code LLMADMIN_USAGE_RETENTION_DAYS} (30, admin-web's pom) days and sweeps every 3 s. A call of 40 days ago, written
 * as the recorder writes one (its raw row, its payload and its hourly rollup, straight into the server's database, as
 * another instance would), leaves the request log at the next sweep, payload and all, while the grouped usage API
 * still counts it (tokens and cached tokens) from the rollup; a call of 2 days ago stays. Every other IT's calls are
 * of today, so the sweep never touches them.
 */
class UsageRetentionIT {

    private static final String ADMIN_PASSWORD =
            System.getProperty("it.admin.password", "it-admin-password-not-secret");
    private static final int RETENTION_DAYS = Integer.getInteger("it.usage.retention.days", 30);

    @Test
    void should_drop_raw_rows_past_the_retention_from_the_request_log_and_keep_them_in_the_hourly_sums()
            throws Exception {
        String model = "it-retained-" + Long.toString(System.nanoTime(), 36);
        Instant oldHour =
                Instant.now().minus(Duration.ofDays(RETENTION_DAYS + 10)).truncatedTo(ChronoUnit.HOURS);
        Instant recentHour = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        // negative ids: never one the server's own sequence hands out
        long oldId = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        long recentId = oldId - 1;
        // the application migrates the database as it starts, which can end after Liberty reports started: write
        // beside it only once it is ready (run first, this IT would otherwise create an empty database of its own)
        ServerUnderTest.awaitReady();
        try (Connection db = database()) {
            db.setAutoCommit(false);
            writeCall(db, oldId, model, oldHour.plusSeconds(600));
            writeCall(db, recentId, model, recentHour.plusSeconds(600));
            db.commit();
        }
        try {
            // the old call leaves the request log (the sweep deleted its row and its payload) ...
            Eventually.polled(
                    "the old call gone from the request log", () -> calls(model, oldHour), JsonArray::isEmpty);
            assertThat(count("SELECT COUNT(*) FROM usage_record WHERE id = ?", oldId))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM usage_payload WHERE usage_id = ?", oldId))
                    .isZero();
            // ... but the usage API still sums it from the hourly rollup
            JsonArray hours = summary(model, oldHour);
            assertThat(hours).hasSize(1);
            JsonObject hour = hours.getJsonObject(0);
            assertThat(hour.getString("group")).isEqualTo(oldHour.toString());
            assertThat(hour.getInt("calls")).isEqualTo(1);
            assertThat(hour.getInt("tokensIn")).isEqualTo(120);
            assertThat(hour.getInt("tokensCached")).isEqualTo(40);
            assertThat(hour.getInt("tokensOut")).isEqualTo(30);

            // the call inside the retention is still listed, with its payload
            JsonArray recent = calls(model, recentHour);
            assertThat(recent).hasSize(1);
            assertThat(recent.getJsonObject(0).getString("completion")).isEqualTo("an answer kept 2 days");
            assertThat(summary(model, recentHour).getJsonObject(0).getInt("calls"))
                    .isEqualTo(1);
        } finally {
            try (Connection db = database()) {
                for (String table : new String[] {"usage_record", "usage_rollup"}) {
                    try (PreparedStatement delete =
                            db.prepareStatement("DELETE FROM " + table + " WHERE model_id = ?")) {
                        delete.setString(1, model);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    /** One successful call of 250 ms, 120 tokens in (40 of them cached) and 30 out: raw row, payload and rollup. */
    private static void writeCall(Connection db, long id, String model, Instant at) throws SQLException {
        try (PreparedStatement row = db.prepareStatement("INSERT INTO usage_record (id, model_id, caller, tokens_in,"
                + " tokens_out, tokens_cached, tokens_estimated, latency_ms, outcome, occurred_at)"
                + " VALUES (?, ?, 'it-retention', 120, 30, 40, FALSE, 250, 'SUCCESS', ?)")) {
            row.setLong(1, id);
            row.setString(2, model);
            row.setObject(3, at.atOffset(ZoneOffset.UTC));
            row.executeUpdate();
        }
        try (PreparedStatement payload =
                db.prepareStatement("INSERT INTO usage_payload (usage_id, prompt, completion) VALUES (?, '[]', ?)")) {
            payload.setLong(1, id);
            payload.setString(
                    2,
                    at.isBefore(Instant.now().minus(Duration.ofDays(RETENTION_DAYS)))
                            ? "an answer past the retention"
                            : "an answer kept 2 days");
            payload.executeUpdate();
        }
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        // b09: the latency bucket of 200 to 300 ms (UsageLatencyBuckets)
        try (PreparedStatement rollup =
                db.prepareStatement("INSERT INTO usage_rollup (hour_start, hour_epoch, model_id,"
                        + " gateway_key, caller, outcome, currency, calls, tokens_in, tokens_out, tokens_cached, cost,"
                        + " latency_sum, latency_max, b09) VALUES (?, ?, ?, '', 'it-retention', 'SUCCESS', '', 1, 120, 30, 40,"
                        + " 0, 250, 250, 1)")) {
            rollup.setObject(1, hour.atOffset(ZoneOffset.UTC));
            rollup.setLong(2, hour.getEpochSecond() / 3600);
            rollup.setString(3, model);
            rollup.executeUpdate();
        }
    }

    private static JsonArray calls(String model, Instant hour) {
        return json(get("/api/admin/usage/calls?model=" + model + range(hour)))
                .asJsonObject()
                .getJsonArray("items");
    }

    private static JsonArray summary(String model, Instant hour) {
        return json(get("/api/admin/usage?groupBy=hour&model=" + model + range(hour)))
                .asJsonArray();
    }

    private static String range(Instant hour) {
        return "&from=" + URLEncoder.encode(hour.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(hour.plus(1, ChronoUnit.HOURS).toString(), StandardCharsets.UTF_8);
    }

    private static long count(String sql, long id) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The IT server's own database: on H2 through the IT URL's AUTO_SERVER mode, on PostgreSQL as any client. */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.url"),
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static HttpResponse<String> get(String path) {
        HttpResponse<String> response = AdminClient.admin().get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static jakarta.json.JsonValue json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }
}
