package io.llmadmin.web.console;

import io.llmadmin.migration.scanner.LegacyImport;
import io.llmadmin.migration.scanner.LegacyImportScanner;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.model.file.UploadedFile;

/**
 * The migration page's second section: an admin uploads a zip of a Python source tree, and the page lists the modules
 * that still import the legacy {@code models} module ({@link LegacyImportScanner}). The archive is unpacked safely
 * ({@link SafeZip}) into a temporary directory that is deleted at once; a refused archive is a message on the upload
 * field and changes nothing. Admins only: an upload costs the server disk and time.
 */
@Named("pythonScan")
@RequestScoped
public class PythonScan {

    /** The upload field's client id, for its messages. */
    static final String ARCHIVE_FIELD = "scanForm:archive";

    /** The largest upload accepted (also web.xml's multipart limit and the field's sizeLimit). */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(PythonScan.class.getName());

    private final SecurityContext security;
    private final SafeZip safeZip;

    private UploadedFile archive;
    private List<ImportingModule> rows;
    private String scannedName;

    @Inject
    public PythonScan(SecurityContext security) {
        this(security, new SafeZip());
    }

    PythonScan(SecurityContext security, SafeZip safeZip) {
        this.security = security;
        this.safeZip = safeZip;
    }

    /** For the CDI proxy only. */
    protected PythonScan() {
        this(null, null);
    }

    /** Scans the uploaded archive; on a refused upload, a message on the field and no result. */
    public String scan() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!security.isCallerInRole("admin")) {
            faces.addMessage(
                    ARCHIVE_FIELD,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only admins may upload sources to scan.", null));
            return null;
        }
        try {
            rows = scan(archive);
            scannedName = archive.getFileName();
        } catch (SafeZip.RefusedArchiveException e) {
            faces.addMessage(ARCHIVE_FIELD, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            faces.validationFailed();
        }
        return null;
    }

    /** The importing modules of one upload; refused when it is missing, too large or not a safe zip. */
    List<ImportingModule> scan(UploadedFile upload) throws SafeZip.RefusedArchiveException {
        if (upload == null
                || upload.getFileName() == null
                || upload.getFileName().isBlank()) {
            throw new SafeZip.RefusedArchiveException("Choose a .zip file of Python sources.");
        }
        if (!upload.getFileName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new SafeZip.RefusedArchiveException("Only .zip files can be scanned.");
        }
        if (upload.getSize() > MAX_UPLOAD_BYTES) {
            throw new SafeZip.RefusedArchiveException("The file is larger than 50 MB.");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("llmadmin-python-scan-");
            Path zip = work.resolve("upload.zip");
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            }
            Path sources = Files.createDirectory(work.resolve("sources"));
            safeZip.extractPython(zip, sources);
            return new LegacyImportScanner()
                    .scan(sources).stream().map(ImportingModule::new).toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not store an uploaded archive for scanning", e);
            throw new SafeZip.RefusedArchiveException("The upload could not be stored on the server; try again.");
        } finally {
            try {
                SafeZip.deleteRecursively(work);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not delete the scan directory " + work, e);
            }
        }
    }

    public UploadedFile getArchive() {
        return archive;
    }

    public void setArchive(UploadedFile archive) {
        this.archive = archive;
    }

    /** Whether this request scanned an archive (and so has a result to show, maybe empty). */
    public boolean isScanned() {
        return rows != null;
    }

    public List<ImportingModule> getRows() {
        return rows == null ? List.of() : rows;
    }

    public String getScannedName() {
        return scannedName;
    }

    /** One Python module that still imports {@code models}. */
    public static final class ImportingModule {
        private final LegacyImport found;

        ImportingModule(LegacyImport found) {
            this.found = found;
        }

        public String getModule() {
            return found.module();
        }

        public String getNamesUsed() {
            return String.join(", ", found.namesUsed());
        }

        public List<String> getImportLines() {
            return found.importLines();
        }
    }
}
