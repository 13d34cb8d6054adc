package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

class KeyRateLimiterTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final RateLimitProperties LIMITS = new RateLimitProperties(
            new RateLimitProperties.Key(1, Duration.ofHours(1), 10),
            new RateLimitProperties.Address(50, Duration.ofSeconds(1), 500),
            new RateLimitProperties.Weights(4, 3),
            new RateLimitProperties.Sync(50, Duration.ofMillis(100)));

    @Test
    void aKeyOverItsLimitIsToldHowLongUntilItsTokensAreBack() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            KeyRateLimiter limiter = limiter(client, Duration.ofSeconds(5));

            assertThat(limiter.take("key-1", 4).block(DEADLINE).allowed()).isTrue();
            assertThat(limiter.take("key-1", 4).block(DEADLINE).allowed()).isTrue();
            Verdict third = limiter.take("key-1", 4).block(DEADLINE);

            assertThat(third.allowed()).isFalse();
            // two tokens left, two more needed, one an hour
            assertThat(third.retryAfter()).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(120));
            assertThat(limiter.take("key-2", 4).block(DEADLINE).allowed()).as("another key").isTrue();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aStoreThatDoesNotAnswerLetsTheRequestGoOn() throws IOException {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + unusedPort())) {
            KeyRateLimiter limiter = limiter(client, Duration.ofMillis(200));

            assertThat(limiter.take("key-1", 1).block(DEADLINE)).isEqualTo(Verdict.ALLOWED);
        }
    }

    private static KeyRateLimiter limiter(MongoClient client, Duration storeTimeout) {
        MongoBucketStore store = new MongoBucketStore(new ReactiveMongoTemplate(client, "rate_limits_test"),
                ClientSideConfig.getDefault().withRequestTimeout(storeTimeout));
        return new KeyRateLimiter(store.asAsync(), LIMITS, 100);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
