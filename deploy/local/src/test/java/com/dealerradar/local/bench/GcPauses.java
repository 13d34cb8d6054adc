package com.dealerradar.local.bench;

import com.dealerradar.local.e2e.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stop-the-world pauses the stack's JVMs logged (beside each process's log, with the time of day:
 * {@link JavaCommand}), so that a slow probe can be laid beside the pauses that overlapped it.
 */
final class GcPauses {

    /** {@code [2026-12-02T07:52:16.123+0000] GC(12) Pause Full (Allocation Failure) 1020M->800M(1500M) 1953.123ms} */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^]]+)] GC\\(\\d+\\) Pause (\\w+).* ([\\d.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** A pause of {@code process}, logged when it ended. */
    record Pause(String process, String kind, long endedAtMillis, double millis) {

        boolean overlaps(long fromMillis, long toMillis) {
            return endedAtMillis > fromMillis && endedAtMillis - millis < toMillis;
        }

        @Override
        public String toString() {
            return "%s %s %.0f ms".formatted(process, kind, millis);
        }
    }

    private final List<Pause> pauses;

    private GcPauses(List<Pause> pauses) {
        this.pauses = pauses;
    }

    /** Every pause in the GC logs of {@code logs}; a restarted process's earlier log (rotated to {@code -gc.log.0}) is not read. */
    static GcPauses read(Path logs) {
        List<Pause> pauses = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(JavaCommand.GC_LOG_SUFFIX)).toList()) {
                String process = file.getFileName().toString().replace(JavaCommand.GC_LOG_SUFFIX, "");
                for (String line : Files.readAllLines(file)) {
                    Matcher m = PAUSE.matcher(line.strip());
                    if (m.matches()) {
                        pauses.add(new Pause(process, m.group(2), OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli(),
                                Double.parseDouble(m.group(3))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GC logs in " + logs, e);
        }
        return new GcPauses(pauses);
    }

    /** The pauses of at least {@code atLeastMillis} that overlapped the time from {@code fromMillis} to {@code toMillis}, longest first. */
    List<Pause> within(long fromMillis, long toMillis, double atLeastMillis) {
        return pauses.stream().filter(p -> p.millis() >= atLeastMillis && p.overlaps(fromMillis, toMillis))
                .sorted(Comparator.comparingDouble(Pause::millis).reversed()).toList();
    }

    /** A line per process and kind of pause in that time: how many, how long in all, the longest; most time first. */
    String describe(long fromMillis, long toMillis) {
        Map<String, DoubleSummaryStatistics> byKind = within(fromMillis, toMillis, 0).stream().collect(
                Collectors.groupingBy(p -> p.process() + " " + p.kind(), Collectors.summarizingDouble(Pause::millis)));
        StringBuilder out = new StringBuilder();
        byKind.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, DoubleSummaryStatistics> e) -> e.getValue().getSum()).reversed())
                .forEach(e -> out.append(String.format("  %-28s %5d pauses, %,7.0f ms in all, longest %,6.0f ms%n",
                        e.getKey(), e.getValue().getCount(), e.getValue().getSum(), e.getValue().getMax())));
        return out.toString();
    }
}
