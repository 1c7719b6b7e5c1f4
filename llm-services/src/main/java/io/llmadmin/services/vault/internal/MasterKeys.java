package io.llmadmin.services.vault.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the master keys come from, and where a rotated one goes.
 *
 * <ol>
 *   <li>{@code LLMADMIN_MASTER_KEY}: the Base64 of 32 bytes; {@code LLMADMIN_MASTER_KEY_PREVIOUS} may list older keys
 *       (comma-separated) still needed to decrypt rows not yet rotated. The application cannot change these, so a
 *       rotation only moves every row onto this key.
 *   <li>Else the file named by {@code LLMADMIN_MASTER_KEY_FILE}, which must exist.
 *   <li>Else {@code master.key} in {@code LLMADMIN_DATA_DIR} (default {@code ./data}), generated with owner-only
 *       permissions (rw-------) on first use; the log names the path, never the key.
 * </ol>
 *
 * A key file holds one Base64 key per line (lines starting with {@code #} are comments): the first encrypts, all
 * decrypt. A rotation writes the new key first and keeps the old one until every row has moved, so a crash at any
 * point leaves every row decryptable. Keys are loaded when the application starts, so a bad key stops it at once.
 */
@ApplicationScoped
public class MasterKeys {

    public static final String KEY_VARIABLE = "LLMADMIN_MASTER_KEY";
    public static final String PREVIOUS_KEYS_VARIABLE = "LLMADMIN_MASTER_KEY_PREVIOUS";
    public static final String KEY_FILE_VARIABLE = "LLMADMIN_MASTER_KEY_FILE";
    public static final String GENERATED_KEY_FILE = "master.key";

    private static final Logger LOG = Logger.getLogger(MasterKeys.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final EnvironmentSource environment;
    private final Path dataDirectory;
    private final SecureRandom random;
    private volatile State state;

    @Inject
    public MasterKeys(
            EnvironmentSource environment,
            @ConfigProperty(name = "LLMADMIN_DATA_DIR", defaultValue = "./data") String dataDirectory) {
        this(environment, Path.of(dataDirectory), new SecureRandom());
    }

    MasterKeys(EnvironmentSource environment, Path dataDirectory, SecureRandom random) {
        this.environment = environment;
        this.dataDirectory = dataDirectory;
        this.random = random;
    }

    /** For the CDI proxy only. */
    protected MasterKeys() {
        this.environment = null;
        this.dataDirectory = null;
        this.random = null;
    }

    void loadOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarting) {
        keyring();
    }

    /** The keys in use now: the current one encrypts, every one decrypts. */
    public MasterKeyring keyring() {
        return loaded().ring();
    }

    /** Where the keys are kept when they live in a file; empty when they come from the environment. */
    public Optional<Path> keyFile() {
        return Optional.ofNullable(loaded().file());
    }

    private State loaded() {
        State held = state;
        if (held == null) {
            synchronized (this) {
                held = state;
                if (held == null) {
                    held = load();
                    state = held;
                }
            }
        }
        return held;
    }

    private State load() {
        Optional<String> fromVariable = environment.variable(KEY_VARIABLE).filter(value -> !value.isBlank());
        if (fromVariable.isPresent()) {
            MasterKey current = MasterKey.fromBase64(fromVariable.get(), KEY_VARIABLE);
            List<MasterKey> previous = new ArrayList<>();
            String[] listed =
                    environment.variable(PREVIOUS_KEYS_VARIABLE).orElse("").split(",");
            for (int i = 0; i < listed.length; i++) {
                if (!listed[i].isBlank()) {
                    previous.add(MasterKey.fromBase64(listed[i], PREVIOUS_KEYS_VARIABLE + " entry " + (i + 1)));
                }
            }
            if (environment.variable(KEY_FILE_VARIABLE).isPresent()) {
                LOG.warning(() -> KEY_VARIABLE + " and " + KEY_FILE_VARIABLE + " are both set; using " + KEY_VARIABLE);
            }
            LOG.info(() -> "Vault master key " + current.id() + " from " + KEY_VARIABLE
                    + (previous.isEmpty() ? "" : ", plus " + previous.size() + " previous key(s) for decryption"));
            return new State(MasterKeyring.of(current, previous), null);
        }
        Optional<String> namedFile = environment.variable(KEY_FILE_VARIABLE).filter(value -> !value.isBlank());
        if (namedFile.isPresent()) {
            Path file = Path.of(namedFile.get().trim());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(
                        KEY_FILE_VARIABLE + " names " + file.toAbsolutePath() + ", which is not a readable file");
            }
            return new State(readKeyFile(file), file);
        }
        Path generated = dataDirectory.resolve(GENERATED_KEY_FILE).toAbsolutePath();
        if (!Files.exists(generated)) {
            try {
                generate(generated);
            } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                LOG.info(() -> "Vault master key file " + generated + " appeared meanwhile; reading it");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the vault master key file " + generated, e);
            }
        }
        return new State(readKeyFile(generated), generated);
    }

    private void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        MasterKey key = MasterKey.generate(random);
        createOwnerOnly(file);
        writeContent(file, List.of(key));
        LOG.warning(() -> "No " + KEY_VARIABLE + " or " + KEY_FILE_VARIABLE + " set: generated a new vault master key ("
                + key.id() + ") into " + file + ", readable and writable by its owner only. Back this file up: "
                + "the stored API keys cannot be decrypted without it.");
    }

    private static MasterKeyring readKeyFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vault master key file " + file.toAbsolutePath(), e);
        }
        List<MasterKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(MasterKey.fromBase64(
                        line, "The master key file " + file.toAbsolutePath() + ", line " + (i + 1)));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("The master key file " + file.toAbsolutePath() + " holds no key");
        }
        warnIfOthersMayRead(file);
        LOG.info(() -> "Vault master key " + keys.get(0).id() + " from " + file.toAbsolutePath()
                + (keys.size() > 1 ? ", plus " + (keys.size() - 1) + " older key(s) for decryption" : ""));
        return MasterKeyring.of(keys.get(0), keys.subList(1, keys.size()));
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            if (isPosix(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    LOG.warning(() -> "The vault master key file " + file.toAbsolutePath()
                            + " is accessible to others (" + PosixFilePermissions.toString(permissions)
                            + "); restrict it to its owner: chmod 600");
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot read the permissions of " + file, e);
        }
    }

    /** A rotation in progress: the ring before, and the ring while rows move (new key current, old keys kept). */
    public record Rotation(MasterKeyring before, MasterKeyring during, boolean newKeyGenerated) {}

    /**
     * Starts a rotation. From a key file: generates a new key and writes it first in the file, the old keys after it,
     * so every row decrypts whatever happens next. From the environment: the target is the current key.
     */
    public synchronized Rotation beginRotation() {
        State held = loaded();
        if (held.file() == null) {
            return new Rotation(held.ring(), held.ring(), false);
        }
        MasterKey next = MasterKey.generate(random);
        MasterKeyring during = held.ring().withCurrent(next);
        writeKeyFile(held.file(), during.all());
        state = new State(during, held.file());
        LOG.info(() -> "Vault master key rotation: new key " + next.id() + " written to " + held.file() + " before "
                + held.ring().current().id());
        return new Rotation(held.ring(), during, true);
    }

    /** Ends a rotation whose rows all moved: forgets (and removes from the file) every key no row names any more. */
    public synchronized void complete(Rotation rotation, Set<String> masterKeyIdsInUse) {
        State held = loaded();
        MasterKeyring kept = held.ring().retaining(masterKeyIdsInUse);
        if (held.file() != null) {
            try {
                writeKeyFile(held.file(), kept.all());
            } catch (UncheckedIOException e) {
                LOG.log(Level.WARNING, "The retired master keys stay in " + held.file() + "; they are not needed", e);
                return;
            }
        }
        state = new State(kept, held.file());
    }

    /** Undoes a rotation whose transaction failed: the old key is current again, in memory and in the file. */
    public synchronized void abandon(Rotation rotation) {
        if (!rotation.newKeyGenerated()) {
            return;
        }
        State held = loaded();
        try {
            writeKeyFile(held.file(), rotation.before().all());
            state = new State(rotation.before(), held.file());
        } catch (UncheckedIOException e) {
            LOG.log(Level.SEVERE, "Cannot restore " + held.file() + "; it keeps both keys, which still decrypt", e);
        }
    }

    private static void writeKeyFile(Path file, List<MasterKey> keys) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            createOwnerOnly(temporary);
            writeContent(temporary, keys);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the vault master key file " + file, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            var asFile = file.toFile();
            boolean restricted = asFile.setReadable(false, false)
                    && asFile.setReadable(true, true)
                    && asFile.setWritable(false, false)
                    && asFile.setWritable(true, true);
            if (!restricted) {
                LOG.warning(() -> "Cannot restrict " + file + " to its owner on this file system");
            }
        }
    }

    private static void writeContent(Path file, List<MasterKey> keys) throws IOException {
        StringBuilder content = new StringBuilder(
                "# llm-admin vault master keys: the first encrypts, every one decrypts. Keep secret; back up.\n");
        keys.forEach(key -> content.append(key.toBase64()).append('\n'));
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private record State(MasterKeyring ring, Path file) {}
}
