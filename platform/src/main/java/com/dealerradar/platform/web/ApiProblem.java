package com.dealerradar.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure that the caller caused or must know about, answered as problem+json with its status.
 * Use cases throw it; {@link ProblemHandler} renders it.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String slug, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found");
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", detail);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** The 400 of a request whose fields break these rules; the one way every service builds it. */
    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "the request is not valid", errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field that failed validation, named by its JSON path ({@code customer.kind}). */
    public record FieldError(String field, String message) {}
}
