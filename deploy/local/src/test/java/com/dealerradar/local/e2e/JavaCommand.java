package com.dealerradar.local.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command that starts one of the stack's JVMs from its jar, with the options run.sh gives it, and
 * what the run adds through {@value #OPTIONS_PROPERTY} (space-separated). The end-to-end tests add
 * {@code -XX:TieredStopAtLevel=1} there (deploy/local's pom): their processes live minutes, and the C2
 * compiler's work did not pay for itself in that time on two cores. The benchmarks add nothing, so that
 * they measure fully compiled services. {@value #MEMORY_PROPERTY_PREFIX}{@code <process>} (comma-separated)
 * replaces one process's heap and collector, for a benchmark that compares settings. Every JVM logs its
 * collections, with the time of day, beside its log ({@code store.log}, {@code store-gc.log}; a restart moves
 * the last one to {@code store-gc.log.0}): a line per collection, so that a slow request can be laid beside
 * the pauses.
 */
public final class JavaCommand {

    static final String OPTIONS_PROPERTY = "radar.stack.jvm-options";
    static final String MEMORY_PROPERTY_PREFIX = "radar.stack.memory.";
    public static final String GC_LOG_SUFFIX = "-gc.log";

    private JavaCommand() {
    }

    private static Path gcLogOf(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName().toString().replaceFirst("\\.log$", "") + GC_LOG_SUFFIX);
    }

    /** The heap and collector options of {@code process}: run.sh's, unless {@value #MEMORY_PROPERTY_PREFIX}{@code <process>} names others. */
    static List<String> memory(String process, String... runShOptions) {
        String chosen = System.getProperty(MEMORY_PROPERTY_PREFIX + process, "").strip();
        return chosen.isEmpty() ? List.of(runShOptions) : List.of(chosen.split(","));
    }

    /** The java running the tests, which starts every JVM of the stack. */
    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> of(List<String> memory, Path logFile, Path jar, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable()));
        command.addAll(memory);
        command.add("-Xlog:gc:file=" + gcLogOf(logFile) + ":time");
        String added = System.getProperty(OPTIONS_PROPERTY, "").strip();
        if (!added.isEmpty()) {
            command.addAll(Arrays.asList(added.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
