package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies every service and the gateway answer with. */
public final class Problems {

    private static final String TYPE_BASE = "https://dealer-radar.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(ApiProblem e) {
        HttpStatus status = statusOf(e);
        ProblemDetail problem = of(status, e.slug(), status.getReasonPhrase(), e.getMessage());
        withErrors(problem, e.errors());
        return problem;
    }

    public static HttpStatus statusOf(ApiProblem e) {
        return HttpStatus.valueOf(e.kind().status());
    }

    /** {@code Retry-After} takes whole seconds: rounded up, and at least one so that it never means "at once". */
    public static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }

    public static ProblemDetail validation(List<Violation> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation",
                "Bad Request", "the request is not valid");
        withErrors(problem, errors);
        return problem;
    }

    private static void withErrors(ProblemDetail problem, List<Violation> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
    }
}
