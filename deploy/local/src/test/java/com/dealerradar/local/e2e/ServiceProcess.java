package com.dealerradar.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running from its own jar as a separate JVM, the way run.sh starts it: extracted first
 * ({@code java -Djarmode=tools -jar … extract}, Spring Boot's layout for production), since loading classes
 * from the nested jars took about two fifths of a start's CPU, and the stack starts services seven times a run.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXTRACT_TIMEOUT = Duration.ofSeconds(60);

    private final String module;
    private final Path jar;
    private final Path extractedDir;
    private final int port;
    private final Path logFile;
    private Process process;

    ServiceProcess(String module, Path jar, Path extractedDir, int port, Path logFile) {
        this.module = module;
        this.jar = jar;
        this.extractedDir = extractedDir;
        this.port = port;
        this.logFile = logFile;
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    void start(Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build the " + module + " module first");
        }
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(JavaCommand.memory(module, "-Xmx256m", "-XX:+UseSerialGC"), logFile,
                extracted()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + module, e);
        }
    }

    /** The extracted application jar (its libraries beside it in lib/), extracted on the first start. */
    private Path extracted() {
        Path application = extractedDir.resolve(jar.getFileName());
        if (Files.isRegularFile(application)) {
            return application;
        }
        List<String> command = List.of(JavaCommand.executable(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extractedDir.toString());
        try {
            Process extract = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!extract.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException("Cannot extract " + jar + "; see " + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted extracting " + jar, e);
        }
        return application;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(readinessUri()).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI readinessUri() {
        return URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    }

    /**
     * SIGTERM, as on Ctrl-C, so the service drains and commits what it was doing; forced after 30 s.
     * Answers how long the service took to exit (a forced stop answers more than 30 s).
     */
    Duration stop() {
        if (process == null) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Kills the JVM at once, for tests of a service dying mid-stream. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            process = null;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
