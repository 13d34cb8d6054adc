package com.dealerradar.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker or the store as a process of its own, started from {@code radar-local.jar} as run.sh starts
 * it ({@code LocalInfrastructure kafka|store}), so that a fault test can freeze it (SIGSTOP, SIGCONT) or
 * kill it (SIGKILL) without touching the JVM that drives the test. It keeps its ports and its data
 * across restarts.
 */
public final class InfrastructureProcess {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> command;
    private final String readyLine;
    private final Path logFile;
    private Process process;

    private InfrastructureProcess(String name, Path jar, int port, List<String> command, String readyLine, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.command = command;
        this.readyLine = readyLine;
        this.logFile = logFile;
    }

    static InfrastructureProcess broker(Path localJar, int port, int controllerPort, Path dataDir, Path logFile) {
        return new InfrastructureProcess("kafka", localJar, port, JavaCommand.of(JavaCommand.memory("kafka", "-Xmx512m", "-XX:+UseSerialGC"),
                logFile, localJar, "kafka", "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                "--data-dir", dataDir.toString()),
                "Kafka ready on", logFile);
    }

    static InfrastructureProcess store(Path localJar, int port, Path file, Path logFile) {
        return new InfrastructureProcess("store", localJar, port, JavaCommand.of(JavaCommand.memory("store", "-Xmx1536m", "-XX:+UseSerialGC"),
                logFile, localJar, "store", "--port", String.valueOf(port), "--file", file.toString()), "Store ready on", logFile);
    }

    public String name() {
        return name;
    }

    /** The port clients connect to, the same after every restart. */
    public int port() {
        return port;
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process unless it runs, and waits until it says it is ready. */
    public void start(Duration readyWithin) {
        if (isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build the deploy/local module first");
        }
        long logOffset = logSize();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        long deadline = System.nanoTime() + readyWithin.toNanos();
        while (!logSince(logOffset).contains(readyLine)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during startup:\n" + logSince(logOffset));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + readyWithin.toSeconds() + " s:\n"
                        + logSince(logOffset));
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** SIGSTOP: the process holds its sockets and its state but answers nothing, as in a long GC pause or a hung disk. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT: a frozen process carries on where it stopped. */
    public void thaw() {
        signal("CONT");
    }

    /** SIGKILL, as a crash: nothing is flushed or closed. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            process = null;
        }
    }

    /** SIGTERM (after SIGCONT, in case it is frozen), so that it closes its files; forced after 30 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                signal("CONT");
            }
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    // The JDK sends only SIGTERM and SIGKILL; kill(1) sends the others.
    private void signal(String signal) {
        long pid = pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + name, e);
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    private String logSince(long offset) {
        try {
            byte[] all = Files.exists(logFile) ? Files.readAllBytes(logFile) : new byte[0];
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the infrastructure", e);
        }
    }
}
