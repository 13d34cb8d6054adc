package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into problem+json. Client mistakes (malformed JSON, unknown enum values, a
 * missing field, an oversized body) are 4xx naming the field; only our own faults are 5xx.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(Problems.statusOf(e));
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(wait)));
        return response.body(Problems.of(e));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unhandled failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error",
                "the request could not be completed; it is safe to retry"));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Violation> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new Violation(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add(new Violation(g.getObjectName(), g.getDefaultMessage())));
        errors.sort(Comparator.comparing(Violation::field));
        return Mono.just(ResponseEntity.badRequest().body(Problems.validation(errors)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(
            MissingRequestValueException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.badRequest().body(Problems.validation(
                List.of(new Violation(e.getName(), "is required")))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (Causes.find(e, DataBufferLimitException.class) != null) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content Too Large", "the request body is too large")));
        }
        DatabindException databind = Causes.find(e, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            return Mono.just(ResponseEntity.badRequest().body(Problems.validation(List.of(BodyErrors.of(databind)))));
        }
        if (Causes.find(e, JacksonException.class) != null || Causes.find(e, DecodingException.class) != null) {
            return Mono.just(ResponseEntity.badRequest().body(Problems.validation(
                    List.of(new Violation("body", "is not well-formed JSON")))));
        }
        String field = e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                ? e.getMethodParameter().getParameterName() : "request";
        return Mono.just(ResponseEntity.badRequest().body(Problems.validation(
                List.of(new Violation(field, e.getReason() == null ? "is not valid" : e.getReason())))));
    }
}
