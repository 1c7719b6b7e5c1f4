package io.llmadmin.migration.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 of the master changelog and of every file it includes, in include order: equal fingerprints mean the
 * same changesets, byte for byte. Liquibase reaches the same verdict by parsing every file and checksumming every
 * changeset against its table, which costs a restart 3–4 s of a cold JVM; hashing ~30 small files costs milliseconds.
 *
 * <p>Only the master's own form is understood: {@code <include file="..." relativeToChangelogFile="true"/>} lines.
 * Anything else that could pull in changesets ({@code includeAll}, an absolute include) or a file that cannot be read
 * gives no fingerprint, and the caller falls back to Liquibase.
 */
final class ChangelogFingerprint {

    private static final Pattern INCLUDE =
            Pattern.compile("<include\\s+file=\"([^\"]+)\"\\s+relativeToChangelogFile=\"true\"\\s*/>");
    private static final Pattern ANY_INCLUDE = Pattern.compile("<include");

    private ChangelogFingerprint() {}

    /** The fingerprint of {@code master} and its includes, read from {@code loader}; empty when it cannot be taken. */
    static Optional<String> of(ClassLoader loader, String master) {
        try {
            Optional<byte[]> masterBytes = read(loader, master);
            if (masterBytes.isEmpty()) {
                return Optional.empty();
            }
            String masterText = new String(masterBytes.get(), StandardCharsets.UTF_8);
            List<String> files = includes(masterText);
            if (files.size() != count(ANY_INCLUDE, masterText)) {
                return Optional.empty();
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            add(sha256, master, masterBytes.get());
            String directory = master.substring(0, master.lastIndexOf('/') + 1);
            for (String file : files) {
                Optional<byte[]> bytes = read(loader, directory + file);
                if (bytes.isEmpty()) {
                    return Optional.empty();
                }
                add(sha256, file, bytes.get());
            }
            return Optional.of(HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static List<String> includes(String master) {
        List<String> files = new ArrayList<>();
        Matcher include = INCLUDE.matcher(master);
        while (include.find()) {
            files.add(include.group(1));
        }
        return files;
    }

    private static int count(Pattern pattern, String text) {
        return (int) pattern.matcher(text).results().count();
    }

    private static void add(MessageDigest digest, String name, byte[] content) {
        // The name and a length prefix keep two different file sets from hashing the same by a shifted boundary.
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(content);
    }

    private static Optional<byte[]> read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
