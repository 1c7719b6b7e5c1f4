package io.llmadmin.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks the Python files of an uploaded zip into a directory, refusing what could harm the server: an entry whose
 * path leaves the directory (zip-slip: {@code ../}, absolute paths, drive letters, backslashes), more entries or more
 * unpacked bytes than the limits (a zip bomb: bytes are counted as they are written, never trusted from the archive),
 * and anything that is not a readable zip. Only regular files are ever created ({@code java.util.zip} creates no
 * symbolic links, and an existing link is never followed), and only {@code .py} files: nothing else is scanned.
 */
final class SafeZip {

    /** At most this many entries (files and folders) in one archive. */
    static final int MAX_ENTRIES = 20_000;

    /** At most this many bytes unpacked from one archive. */
    static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;

    private final int maxEntries;
    private final long maxUnpackedBytes;

    SafeZip() {
        this(MAX_ENTRIES, MAX_UNPACKED_BYTES);
    }

    SafeZip(int maxEntries, long maxUnpackedBytes) {
        this.maxEntries = maxEntries;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /** Why an archive was refused, in words for the person who uploaded it. */
    static final class RefusedArchiveException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedArchiveException(String message) {
            super(message);
        }
    }

    /**
     * Unpacks the {@code .py} files of {@code archive} below {@code target} (an existing, empty directory).
     *
     * @return how many Python files were unpacked
     */
    int extractPython(Path archive, Path target) throws RefusedArchiveException {
        Path root = target.toAbsolutePath().normalize();
        int entries = 0;
        long unpacked = 0;
        int pythonFiles = 0;
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > maxEntries) {
                    throw new RefusedArchiveException("The archive has more than " + maxEntries + " entries.");
                }
                Path destination = destinationOf(root, entry.getName());
                if (entry.isDirectory()
                        || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".py")) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(
                                destination,
                                StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS)) {
                    byte[] buffer = new byte[8192];
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        unpacked += read;
                        if (unpacked > maxUnpackedBytes) {
                            throw new RefusedArchiveException("The archive unpacks to more than "
                                    + maxUnpackedBytes / (1024 * 1024) + " MB of Python files.");
                        }
                        out.write(buffer, 0, read);
                    }
                }
                pythonFiles++;
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8.
            throw new RefusedArchiveException("The file is not a readable .zip archive.");
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new RefusedArchiveException("The archive holds the same file twice.");
        } catch (IOException e) {
            throw new RefusedArchiveException("The archive could not be unpacked: it may be damaged.");
        }
        return pythonFiles;
    }

    /** Where an entry goes: below the root, or the archive is refused. */
    static Path destinationOf(Path root, String name) throws RefusedArchiveException {
        if (name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains("\0")
                || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new RefusedArchiveException("The archive has an entry with an unsafe path: " + printable(name));
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new RefusedArchiveException("The archive has an entry with an unsafe path: " + printable(name));
            }
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new RefusedArchiveException("The archive has an entry with an unsafe path: " + printable(name));
        }
        return destination;
    }

    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
    }

    /** Deletes a directory and everything below it, without following links; quietly as far as it can. */
    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
