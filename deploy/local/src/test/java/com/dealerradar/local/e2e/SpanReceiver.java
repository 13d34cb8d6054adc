package com.dealerradar.local.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stack's trace collector: an OTLP/HTTP receiver on 127.0.0.1 that keeps every span the services
 * export ({@code POST /v1/traces}, protobuf), in memory. The stack samples only traces a caller asks
 * for, so it holds what the tracing test made and little else.
 */
final class SpanReceiver implements AutoCloseable {

    static final String PATH = "/v1/traces";
    private static final HexFormat HEX = HexFormat.of();

    /** One span as exported: the service that made it, its place in its trace, its name and kind. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private SpanReceiver(HttpServer server) {
        this.server = server;
    }

    static SpanReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SpanReceiver receiver = new SpanReceiver(server);
            server.createContext(PATH, receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the span receiver", e);
        }
    }

    /** What a service's {@code RADAR_TRACING_OTLP_ENDPOINT} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<ReceivedSpan> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().forEach(this::keep);
            // An ExportTraceServiceResponse that rejects nothing is empty on the wire.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = resourceSpans.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue).map(AnyValue::getStringValue)
                .findFirst().orElse("unknown");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service,
                    HEX.formatHex(span.getTraceId().toByteArray()), HEX.formatHex(span.getSpanId().toByteArray()),
                    HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name())));
        }
    }
}
