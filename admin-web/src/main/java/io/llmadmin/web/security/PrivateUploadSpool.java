package io.llmadmin.web.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Makes the application's servlet temporary directory owner-only (0700) at every start. Liberty spools each part of a
 * console upload larger than web.xml's {@code file-size-threshold} (1 MB) into that directory, as a file whose mode
 * comes from the server's umask: Liberty's {@code bin/server} only removes the permissions of others ({@code umask
 * o=}), so the directory is 0750 and the spooled files 0640, readable by the server user's group. The application
 * cannot choose the mode of Liberty's files, but with the directory closed to everyone but the server user, nobody
 * else can reach them, whatever their own mode.
 */
@WebListener
public class PrivateUploadSpool implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(PrivateUploadSpool.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!(event.getServletContext().getAttribute(ServletContext.TEMPDIR) instanceof File directory)) {
            LOG.warning("The servlet container names no temporary directory: upload spool permissions not checked");
            return;
        }
        Path spool = directory.toPath();
        try {
            if (!Files.isDirectory(spool)) {
                Files.createDirectories(spool);
            }
            Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwx------"));
            LOG.info(() -> "Uploads are spooled in " + spool + ", readable by the server's user only");
        } catch (UnsupportedOperationException e) {
            LOG.info(() -> "Uploads are spooled in " + spool + " (no POSIX permissions on this file system)");
        } catch (IOException e) {
            LOG.warning(() -> "The upload spool " + spool + " could not be made owner-only: " + e.getMessage());
        }
    }
}
