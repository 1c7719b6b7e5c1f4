package it.llmadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Looks for the secrets of {@link ItSecrets} in what the server gives out: answers (every one the shared helpers
 * receive, through {@link ServerUnderTest#send}), files (its logs, the embedded database) and the rows of a database.
 * A finding names the secret by what it is and where it was found, never by its value.
 */
public final class SecretScan {

    private static final AtomicLong ANSWERS_CHECKED = new AtomicLong();

    private SecretScan() {}

    /** The names of the secrets that occur in the text. */
    public static List<String> find(String text, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        secrets.forEach((name, secret) -> {
            if (!secret.isEmpty() && text.contains(secret)) {
                found.add(name);
            }
        });
        return found;
    }

    /** Fails when an answer of the server (status line aside: its headers and body) carries a secret. */
    public static void checkAnswer(String request, HttpResponse<?> answer) {
        Object body = answer.body();
        String text = answer.headers().map() + "\n"
                + (body instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.ISO_8859_1)
                        : String.valueOf(body));
        checkAnswer(request, text);
    }

    /** Fails when the text of an answer carries a secret. */
    public static void checkAnswer(String request, String answer) {
        ANSWERS_CHECKED.incrementAndGet();
        List<String> found = find(answer, ItSecrets.forAnswers());
        if (!found.isEmpty()) {
            throw new AssertionError("The answer to " + request + " carries " + String.join(", ", found));
        }
    }

    /** How many answers were checked in this JVM so far. */
    public static long answersChecked() {
        return ANSWERS_CHECKED.get();
    }

    /** Every regular file under the directory but those skipped, read byte for byte: "file: secret" per finding. */
    public static List<String> scanFiles(Path directory, Predicate<Path> skip, Map<String, String> secrets) {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file :
                    files.filter(Files::isRegularFile).filter(skip.negate()).toList()) {
                // ISO-8859-1 maps every byte to one char: the ASCII secrets are found in binary files too.
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                find(text, secrets).forEach(name -> findings.add(file + ": " + name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /**
     * A dump of every table of the connection's schema, row by row, every column as text (binary columns byte for
     * byte): "table.column: secret" per finding.
     */
    public static List<String> scanDatabase(Connection connection, Map<String, String> secrets) throws SQLException {
        List<String> findings = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet listed = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (listed.next()) {
                tables.add(listed.getString("TABLE_NAME"));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("No tables in schema " + connection.getSchema() + ": nothing was dumped");
        }
        String quote = metaData.getIdentifierQuoteString();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM " + quote + table + quote)) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        String text = text(rows.getObject(column));
                        for (String name : find(text, secrets)) {
                            findings.add(table + "." + columns.getColumnName(column) + ": " + name);
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        return String.valueOf(value);
    }
}
