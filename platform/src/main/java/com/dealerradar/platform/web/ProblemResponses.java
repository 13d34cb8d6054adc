package com.dealerradar.platform.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json body where no controller advice applies (security filters, the gateway). */
public final class ProblemResponses {

    // The mixin is what Spring's own codecs apply: extra properties such as "errors" at the top
    // level, and no nulls, so that these bodies look exactly like the controller advice's.
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemResponses() {}

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String slug, String detail) {
        return write(response, Problems.of(status, slug, status.getReasonPhrase(), detail));
    }

    public static Mono<Void> write(ServerHttpResponse response, ProblemDetail problem) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setRawStatusCode(problem.getStatus());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
