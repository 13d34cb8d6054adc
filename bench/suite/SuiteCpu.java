import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a command (the test suite) and says where its CPU went: every second it reads the CPU time of every
 * process on the machine (ProcessHandle), keeps the last reading of each process that started after the
 * command, and at the end sums them by kind: Maven's own JVM, each module's test JVMs, each process of the
 * end-to-end stack, the browser. A process that ends between two readings loses at most its last second.
 * Every {@value #WINDOW_SECONDS} s it also prints how many cores were busy in that window and on what, so that
 * the idle stretches of a run (a serial start, a last module running alone) show where they are.
 * <p>
 * {@code java bench/suite/SuiteCpu.java ./mvnw -B verify} (bench/suite/run.sh does this on a clean clone).
 */
public final class SuiteCpu {

    /** A module's test JVM runs a booter jar from its target directory: ROOT/deploy/local/target/surefire/... */
    private static final Pattern TEST_JVM = Pattern.compile(
            Pattern.quote(Path.of("").toAbsolutePath().toString()) + "/(\\S+?)/target/(?:surefire|failsafe)");
    private static final Pattern STACK_JAR = Pattern.compile("-jar \\S*/([a-z-]+?)(?:-\\d[^/ ]*)?\\.jar(?: (kafka|store|demo))?");

    private static final int WINDOW_SECONDS = 20;

    private record Reading(String kind, Duration cpu) {
    }

    private record Key(long pid, Instant started) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: java bench/suite/SuiteCpu.java COMMAND [ARGS...]");
            System.exit(2);
        }
        Instant since = Instant.now();
        Process command = new ProcessBuilder(List.of(args)).inheritIO().start();
        Map<Key, Reading> readings = new HashMap<>();
        Map<Key, Reading> windowStart = Map.of();
        long seconds = 0;
        while (!command.waitFor(1, TimeUnit.SECONDS)) {
            read(readings, since);
            if (++seconds % WINDOW_SECONDS == 0) {
                printWindow(seconds, windowStart, readings);
                windowStart = Map.copyOf(readings);
            }
        }
        read(readings, since);
        Duration wall = Duration.between(since, Instant.now());
        report(readings, wall);
        System.exit(command.exitValue());
    }

    private static void read(Map<Key, Reading> readings, Instant since) {
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().filter(p -> p.pid() != self).forEach(process -> {
            ProcessHandle.Info info = process.info();
            Instant started = info.startInstant().orElse(Instant.MIN);
            if (started.isBefore(since.minusSeconds(1)) || info.totalCpuDuration().isEmpty()) {
                return;
            }
            // An exiting process may still report its CPU but no longer its command: its kind is kept from before.
            Key key = new Key(process.pid(), started);
            Reading before = readings.get(key);
            String kind = info.commandLine().map(SuiteCpu::kindOf)
                    .or(() -> Optional.ofNullable(before).map(Reading::kind))
                    .orElseGet(() -> "other: " + info.command().map(c -> Path.of(c).getFileName().toString()).orElse("?"));
            readings.put(key, new Reading(kind, info.totalCpuDuration().get()));
        });
    }

    static String kindOf(String commandLine) {
        Matcher testJvm = TEST_JVM.matcher(commandLine);
        if (testJvm.find()) {
            return "test JVMs of " + testJvm.group(1);
        }
        if (commandLine.contains("plexus-classworlds") || commandLine.contains("maven-wrapper")) {
            return "Maven (compilers, plugins)";
        }
        Matcher stack = STACK_JAR.matcher(commandLine);
        if (stack.find()) {
            return "stack: " + (stack.group(2) != null ? stack.group(2) : stack.group(1));
        }
        if (commandLine.contains("chrom")) {
            return "browser (Chromium, ChromeDriver)";
        }
        return "other: " + Path.of(commandLine.split(" ", 2)[0]).getFileName();
    }

    /** One line: the window's end, the cores busy in it, and the three kinds of process that took most of it. */
    private static void printWindow(long seconds, Map<Key, Reading> start, Map<Key, Reading> now) {
        Map<String, Double> byKind = new HashMap<>();
        now.forEach((key, reading) -> {
            Reading before = start.get(key);
            double cpu = (reading.cpu().toMillis() - (before == null ? 0 : before.cpu().toMillis())) / 1000.0;
            byKind.merge(reading.kind(), cpu, Double::sum);
        });
        double total = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        String top = byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / WINDOW_SECONDS))
                .collect(Collectors.joining(", "));
        System.out.printf("[cpu] %d:%02d  %.2f cores busy  (%s)%n", seconds / 60, seconds % 60, total / WINDOW_SECONDS, top);
    }

    private static void report(Map<Key, Reading> readings, Duration wall) {
        Map<String, DoubleSummaryStatistics> byKind = readings.values().stream().collect(
                Collectors.groupingBy(Reading::kind, Collectors.summarizingDouble(r -> r.cpu().toMillis() / 1000.0)));
        double total = byKind.values().stream().mapToDouble(DoubleSummaryStatistics::getSum).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%nCPU by kind of process (s), %d processes%n", readings.size());
        byKind.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, DoubleSummaryStatistics> e) -> e.getValue().getSum()).reversed())
                .forEach(e -> System.out.printf("%9.1f  %5.1f %%  %4d  %s%n", e.getValue().getSum(),
                        100 * e.getValue().getSum() / total, e.getValue().getCount(), e.getKey()));
        System.out.printf("%9.1f  in all, over %d s of wall time: %.2f of %d cores busy on average; "
                + "the same work on %d cores fully busy would take at least %d s%n",
                total, wall.toSeconds(), total / wall.toSeconds(), cores, cores, Math.round(total / cores));
    }
}
