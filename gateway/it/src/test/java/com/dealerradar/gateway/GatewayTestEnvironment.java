package com.dealerradar.gateway;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a gateway test needs around it: an in-memory MongoDB-wire store and a downstream stub, both
 * on loopback, plus a port on which nothing listens to stand for a service that is down.
 */
final class GatewayTestEnvironment {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String TOKEN_SECRET = "test-internal-token-secret-of-32-bytes-or-more";

    private static MongoServer mongo;
    private static DownstreamStub stub;

    private GatewayTestEnvironment() {}

    static synchronized DownstreamStub stub() {
        if (stub == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            stub = new DownstreamStub();
        }
        return stub;
    }

    static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same settings as {@link #register}, for a gateway started outside Spring's test support. */
    static Map<String, Object> properties() {
        DownstreamStub downstream = stub();
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + mongoAddress.getPort());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("radar.admin-key", ADMIN_KEY);
        properties.put("radar.security.internal-token-secret", TOKEN_SECRET);
        properties.put("LEAD_SERVICE_URI", downstream.uri());
        properties.put("FOLLOWUP_SERVICE_URI", downstream.uri());
        properties.put("DEFEAT_SERVICE_URI", downstream.uri());
        // reads time out sooner than in production, so that a test of the time-out waits seconds, not ten
        properties.put("spring.cloud.gateway.server.webflux.httpclient.response-timeout", "2s");
        properties.put("ANALYTICS_SERVICE_URI", "http://127.0.0.1:" + unusedPort());
        return properties;
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
