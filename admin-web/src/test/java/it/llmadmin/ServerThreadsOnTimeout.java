package it.llmadmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * When a test runs past its timeout (junit-platform.properties), the threads of every Liberty server of the ITs are
 * written to {@code target/hang-reports} before JUnit interrupts the test (JUnit prints the test JVM's own threads). A
 * stuck test is then a failure that says where the server was, not a build that waits until CI gives up.
 */
public final class ServerThreadsOnTimeout implements PreInterruptCallback {

    @Override
    public void beforeThreadInterrupt(PreInterruptContext preInterrupt, ExtensionContext context) {
        Path directory = Paths.get(System.getProperty("it.hang.dir", "target/hang-reports"));
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        String stamp = LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains("ws-server.jar") && line.contains("llmadmin-it"))
                        .isPresent())
                .forEach(server -> {
                    Path report = directory.resolve(context.getDisplayName().replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                            + server.pid() + "-" + stamp + ".txt");
                    try {
                        Files.createDirectories(directory);
                        Process dump = new ProcessBuilder(jcmd, Long.toString(server.pid()), "Thread.print", "-l")
                                .redirectErrorStream(true)
                                .redirectOutput(report.toFile())
                                .start();
                        dump.waitFor(30, TimeUnit.SECONDS);
                        System.err.println("Server threads at the timeout of " + context.getUniqueId() + ": " + report);
                    } catch (IOException e) {
                        System.err.println("Could not dump the threads of server " + server.pid() + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }
}
