package com.dealerradar.local;

import com.dealerradar.local.demo.DemoLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import com.dealerradar.testkit.EmbeddedKafka;
import com.dealerradar.testkit.EmbeddedMongo;

/**
 * Runs one piece of the local stack's infrastructure in the foreground until SIGTERM or SIGINT:
 * <pre>
 *   kafka --port 9092 --controller-port 9093 --data-dir DIR
 *   store --port 27017 --file DIR/store.mv.db
 * </pre>
 * Both keep their data where they are told, so the stack starts again with what it had. A third
 * subcommand loads the demo group into a running stack and exits:
 * <pre>
 *   demo --gateway http://127.0.0.1:8080 --admin-key KEY
 * </pre>
 */
public final class LocalInfrastructure {

    private static final String USAGE = """
            usage: java -jar radar-local.jar kafka --port 9092 --controller-port 9093 --data-dir DIR
                   java -jar radar-local.jar store --port 27017 --file DIR/store.mv.db
                   java -jar radar-local.jar demo --gateway http://127.0.0.1:8080 --admin-key KEY""";

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("demo")) {
            DemoLoader.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        AutoCloseable server;
        try {
            server = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopped), "radar-local-stop"));
        stopped.await();
    }

    private static AutoCloseable start(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("Missing subcommand");
        }
        CommandLineOptions options = CommandLineOptions.parse(args, 1);
        return switch (args[0]) {
            case "kafka" -> startKafka(options);
            case "store" -> startStore(options);
            default -> throw new IllegalArgumentException("Unknown subcommand: " + args[0]);
        };
    }

    private static EmbeddedKafka startKafka(CommandLineOptions options) {
        Path dataDir = options.requiredPath("data-dir");
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, options.port("port", 9092),
                options.port("controller-port", 9093));
        System.out.printf("Kafka ready on %s (controller 127.0.0.1:%d, data in %s)%n",
                kafka.bootstrapServers(), kafka.controllerPort(), dataDir);
        return kafka;
    }

    private static EmbeddedMongo startStore(CommandLineOptions options) {
        Path file = options.requiredPath("file");
        EmbeddedMongo store = EmbeddedMongo.file(file, options.port("port", 27017));
        System.out.printf("Store ready on %s (data in %s)%n", store.connectionString(), file);
        return store;
    }

    private static void stop(AutoCloseable server, CountDownLatch stopped) {
        try {
            server.close();
            System.out.println("Stopped cleanly");
        } catch (Exception e) {
            System.err.println("Clean stop failed: " + e);
        } finally {
            stopped.countDown();
        }
    }
}
