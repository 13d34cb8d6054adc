package com.dealerradar.gateway;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * Stands in for the services behind the gateway. It echoes what reached it (method, path, query,
 * headers, body size) as JSON, after {@code delayMs} milliseconds when the query names them;
 * {@code /api/defeats/unavailable} answers a 503 problem of its own, {@code /api/defeats/broken} 500 and
 * {@code /api/defeats/reset} drops the connection, each counting how often it was called.
 */
final class DownstreamStub implements AutoCloseable {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    // Its own event loops: closing a gateway context disposes Reactor Netty's global ones, and the stub
    // serves every gateway context of the test JVM.
    private final LoopResources loops = LoopResources.create("downstream-stub", 1, true);
    private final DisposableServer server;

    DownstreamStub() {
        server = HttpServer.create()
                .runOn(loops)
                .host("127.0.0.1")
                .port(0)
                .handle(this::handle)
                .bindNow();
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        return switch (path) {
            case "/api/defeats/unavailable" -> request.receive().then(response.status(503)
                    .header("Content-Type", "application/problem+json").header("Retry-After", "7")
                    .sendString(Mono.just("{\"type\": \"https://dealer-radar.dev/problems/not-now\", \"status\": 503}"))
                    .then());
            case "/api/defeats/broken" -> request.receive().then(response.status(500).send());
            case "/api/defeats/reset" -> request.receive().then(Mono.fromRunnable(
                    () -> response.withConnection(connection -> connection.channel().close())));
            default -> request.receive().asByteArray().map(bytes -> (long) bytes.length).reduce(0L, Long::sum)
                    .delayElement(Duration.ofMillis(delayMillis(request)))
                    .flatMap(bodyBytes -> response
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just(echo(request, bodyBytes)))
                            .then());
        };
    }

    private static long delayMillis(HttpServerRequest request) {
        return new QueryStringDecoder(request.uri()).parameters().getOrDefault("delayMs", List.of("0")).stream()
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    private static String echo(HttpServerRequest request, long bodyBytes) {
        String headers = request.requestHeaders().names().stream()
                .map(name -> quote(name.toLowerCase()) + ":" + quote(String.join(",", request.requestHeaders().getAll(name))))
                .collect(Collectors.joining(","));
        return "{\"method\":" + quote(request.method().name())
                + ",\"uri\":" + quote(request.uri())
                + ",\"bodyBytes\":" + bodyBytes
                + ",\"headers\":{" + headers + "}}";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }
}
