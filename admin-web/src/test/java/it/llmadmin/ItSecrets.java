package it.llmadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the integration tests hand the server, in one place, so that the suite-wide checks ({@link
 * SecretScan}: every answer the shared HTTP helpers and the console's browser receive, and {@code NoSecretLeftIT}'s
 * grep of the server's logs and a dump of its database) know what must never show. An IT that gives the server a new
 * secret takes it from here.
 *
 * <p>What is here and why: provider secrets (given to credentials, imported with legacy rows, or offered in kwargs and
 * refused), the password of a database the importer reads, the IT server's own database password, the users'
 * passwords, and the vault's master keys (read from the server's key file). Gateway key tokens are shown once, in the
 * answer that issues them, so they are only looked for in the logs and the database (which keeps their hash).
 */
public final class ItSecrets {

    /** A provider's secret given to a credential; its last four ({@code cafe}) are what the API shows. */
    public static final String PROVIDER_SECRET = "sk-it-" + random() + "cafe";

    /** A secret the provider refuses (its 401 quotes it, masked, as OpenAI's does); shown as {@code ****beef}. */
    public static final String WRONG_PROVIDER_SECRET = "sk-it-wrong-" + random() + "beef";

    /** The console's credential secret, typed into its password input; shown as {@code ****c0de}. */
    public static final String CONSOLE_PROVIDER_SECRET = "sk-console-" + random() + "c0de";

    /** A key inside a legacy fixture's kwargs: the import moves it into the vault. */
    public static final String IMPORTED_KEY = "sk-it-import-" + random() + "7a9f";

    /** A key inside a Django database's kwargs, imported through the server. */
    public static final String DJANGO_KEY = "sk-it-django-" + random() + "5c1e";

    /** The password of the Django databases the import reads: never echoed, logged or stored. */
    public static final String DJANGO_DATABASE_PASSWORD = "db-password-" + random();

    /** A key an admin puts into a model's extra kwargs, which the API refuses without storing or echoing it. */
    public static final String REFUSED_KWARGS_KEY = "sk-it-kwargs-" + random();

    /** The IT server's first admin (the build sets it, LLMADMIN_ADMIN_PASSWORD). */
    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-admin-password-not-secret");

    /** The password of the viewers the ITs create. */
    public static final String VIEWER_PASSWORD = "viewer-password-for-its";

    /** Each master key seen in the key file, to the name it is reported by (never a part of the key). */
    private static final Map<String, String> MASTER_KEYS = new LinkedHashMap<>();

    private static final Set<String> ISSUED_TOKENS = ConcurrentHashMap.newKeySet();

    static {
        // The key file as the server made it at its start: a rotation during the run retires that key from the file.
        readMasterKeys();
    }

    private ItSecrets() {}

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A gateway key's token, taken from the answer that issued it: from then on it belongs in no log or table. */
    public static void issuedToken(String token) {
        if (token != null && !token.isBlank()) {
            ISSUED_TOKENS.add(token);
        }
    }

    /** What no answer may carry, by a name that says what it is (so a failure never prints the secret itself). */
    public static Map<String, String> forAnswers() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the provider secret of the credential ITs", PROVIDER_SECRET);
        secrets.put("the refused provider secret", WRONG_PROVIDER_SECRET);
        secrets.put("the console's provider secret", CONSOLE_PROVIDER_SECRET);
        secrets.put("the key of the imported fixture", IMPORTED_KEY);
        secrets.put("the key of the imported Django rows", DJANGO_KEY);
        secrets.put("the Django database's password", DJANGO_DATABASE_PASSWORD);
        secrets.put("the key refused in extra kwargs", REFUSED_KWARGS_KEY);
        secrets.put("the admin's password", ADMIN_PASSWORD);
        secrets.put("the viewers' password", VIEWER_PASSWORD);
        String databasePassword = System.getProperty("it.db.password", "");
        if (!databasePassword.isBlank()) {
            secrets.put("the IT server's database password", databasePassword);
        }
        synchronized (MASTER_KEYS) {
            readMasterKeys();
            MASTER_KEYS.forEach((key, name) -> secrets.put(name, key));
        }
        return secrets;
    }

    /** What no log line or table may carry: everything above and every gateway token issued in this run. */
    public static Map<String, String> forLogsAndDatabase() {
        Map<String, String> secrets = forAnswers();
        int i = 0;
        for (String token : ISSUED_TOKENS) {
            secrets.put("gateway token #" + ++i, token);
        }
        return secrets;
    }

    /** The IT server's master key file (the build sets no LLMADMIN_MASTER_KEY, so the server generates one). */
    public static Path masterKeyFile() {
        return Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("master.key");
    }

    /**
     * The master keys in another server's key file (the ITs' second server generates its own), each by a name that
     * says whose it is.
     */
    public static Map<String, String> masterKeysIn(Path file, String whose) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return keys;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String key = line.trim();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    keys.put(whose + " vault master key #" + (keys.size() + 1), key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static synchronized void readMasterKeys() {
        Path file = masterKeyFile();
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String key = line.trim();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    synchronized (MASTER_KEYS) {
                        MASTER_KEYS.computeIfAbsent(key, k -> "vault master key #" + (MASTER_KEYS.size() + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
