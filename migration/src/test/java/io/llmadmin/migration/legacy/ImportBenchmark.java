package io.llmadmin.migration.legacy;

import io.llmadmin.migration.legacy.internal.DriverManagerDataSource;
import io.llmadmin.migration.legacy.internal.JpaImportStore;
import io.llmadmin.migration.schema.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The legacy-import benchmark (not a test): generates a fixture of N configuration rows, imports it into an empty
 * llm-admin database in one run, and prints rows per second and the peak heap used. Run by
 * {@code benchmarks/legacy-import.sh}, which starts it in its own JVM with a small fixed heap.
 *
 * <p>Arguments: {@code ROWS TARGET_JDBC_URL [USER]} (password from {@code BENCH_TARGET_PASSWORD}).
 */
final class ImportBenchmark {

    private ImportBenchmark() {}

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** The largest heap in use seen while the import ran (live objects plus garbage not yet collected). */
    private static final class HeapSampler extends Thread {
        volatile long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getUsage().getUsed())
                        .sum();
                peak = Math.max(peak, used);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int rows = Integer.parseInt(args[0]);
        String url = args[1];
        String user = args.length > 2 ? args[2] : "sa";
        String password = System.getenv().getOrDefault("BENCH_TARGET_PASSWORD", "");
        Path fixture = Files.createTempFile("legacy-bench-", ".json");
        try {
            FixtureGenerator.write(fixture, rows);
            out.printf("fixture: %d rows, %.1f MB%n", rows, Files.size(fixture) / 1e6);
            DriverManagerDataSource target = new DriverManagerDataSource(url, user, password);
            new SchemaMigrator(target).migrate();
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            properties.put("jakarta.persistence.jtaDataSource", "");
            properties.put("jakarta.persistence.nonJtaDataSource", target);
            properties.put("jakarta.persistence.validation.mode", "NONE");
            properties.put("eclipselink.jdbc.batch-writing", "JDBC");
            properties.put("eclipselink.jdbc.batch-writing.size", "500");
            properties.put("eclipselink.cache.shared.default", "false");
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("llmadmin", properties);
            EntityManager entityManager = factory.createEntityManager();
            LegacyImporter importer = new LegacyImporter(JpaImportStore.resourceLocal(entityManager));
            for (String pass : new String[] {"first run (creates)", "second run (all unchanged)"}) {
                System.gc();
                HeapSampler sampler = new HeapSampler();
                sampler.start();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                ImportReport report = importer.run(
                        LegacySource.fixture(fixture), ImportOptions.defaults().withListLimit(1000));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                sampler.interrupt();
                sampler.join();
                out.printf(
                        "%s: %s %s in %.1f s = %.0f rows/s (this JVM's CPU: %.1f s); peak heap used %.0f MB"
                                + " (sampled every 10 ms; max heap %.0f MB)%n",
                        pass,
                        report.status(),
                        report.counts(),
                        seconds,
                        rows / seconds,
                        cpuSeconds,
                        sampler.peak / 1e6,
                        Runtime.getRuntime().maxMemory() / 1e6);
            }
            entityManager.close();
            factory.close();
        } finally {
            Files.deleteIfExists(fixture);
        }
    }
}
