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
 * they measure fully compiled services.
 */
final class JavaCommand {

    static final String OPTIONS_PROPERTY = "radar.stack.jvm-options";

    private JavaCommand() {
    }

    static List<String> of(String heap, Path jar, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC"));
        String added = System.getProperty(OPTIONS_PROPERTY, "").strip();
        if (!added.isEmpty()) {
            command.addAll(Arrays.asList(added.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
