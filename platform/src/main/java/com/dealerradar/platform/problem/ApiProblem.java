package com.dealerradar.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure that the caller caused or must know about. Use cases throw it in plain Java; the web
 * edge ({@code ProblemHandler}) renders it as problem+json with the status its {@link Kind} names.
 * <p>
 * It carries no stack trace: it is an answer to the caller, not a fault to debug, and the trace of a
 * reactive call chain is deep (a profile of lead-service under read load found 7 % of its CPU filling
 * traces of not-found problems).
 */
public class ApiProblem extends RuntimeException {

    /** What went wrong, as the caller must read it; each kind answers with one HTTP status. */
    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), UNPROCESSABLE(422),
        /** Not now: the same request, sent again after {@link #retryAfter()}, may well succeed. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String slug;
    private final List<Violation> errors;
    private final Duration retryAfter;

    public ApiProblem(Kind kind, String slug, String detail) {
        this(kind, slug, detail, List.of());
    }

    public ApiProblem(Kind kind, String slug, String detail, List<Violation> errors) {
        this(kind, slug, detail, errors, null);
    }

    private ApiProblem(Kind kind, String slug, String detail, List<Violation> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.slug = slug;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(Kind.NOT_FOUND, "not-found", what + " not found");
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(Kind.FORBIDDEN, "forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(Kind.CONFLICT, "conflict", detail);
    }

    /** A request that cannot be answered yet through no fault of the caller's; it is safe to send again. */
    public static ApiProblem unavailable(String slug, String detail, Duration retryAfter) {
        return new ApiProblem(Kind.UNAVAILABLE, slug, detail, List.of(), retryAfter);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    /** The 400 of a request whose fields break these rules; the one way every service builds it. */
    public static ApiProblem invalid(List<Violation> errors) {
        return new ApiProblem(Kind.INVALID, "validation", "the request is not valid", errors);
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public List<Violation> errors() {
        return errors;
    }

    /** How long the caller should wait before sending the request again, for {@link Kind#UNAVAILABLE}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
