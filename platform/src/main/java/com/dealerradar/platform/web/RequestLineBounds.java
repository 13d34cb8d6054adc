package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a path or query that could not be meant: a path part with control characters or longer than
 * any id, and query parameters of that kind too: a value with control characters, one longer
 * than any id, name or date of the API, or more parameters than any endpoint takes. Checked before
 * any handler, so that no query ever filters the store on such a value; 400 naming the parameter.
 */
public class RequestLineBounds implements WebFilter {

    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_PARAMETERS = 30;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<Violation> errors = new ArrayList<>(pathViolations(exchange.getRequest().getPath()));
        errors.addAll(violations(exchange.getRequest().getQueryParams()));
        if (errors.isEmpty()) {
            return chain.filter(exchange);
        }
        return ProblemResponses.write(exchange.getResponse(), Problems.validation(errors));
    }

    /** An id in the path is held to the same bounds as a query value: plain text, no longer than any id. */
    static List<Violation> pathViolations(RequestPath path) {
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String value = segment.valueToMatch();
                if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
                    return List.of(new Violation("path",
                            "each part must be plain text of at most " + MAX_VALUE_LENGTH + " characters"));
                }
            }
        }
        return List.of();
    }

    static List<Violation> violations(Map<String, List<String>> parameters) {
        List<Violation> errors = new ArrayList<>();
        if (parameters.values().stream().mapToInt(List::size).sum() > MAX_PARAMETERS) {
            errors.add(new Violation("query", "must have at most " + MAX_PARAMETERS + " parameters"));
            return errors;
        }
        parameters.forEach((name, values) -> {
            if (name.length() > MAX_VALUE_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                errors.add(new Violation("query", "has a parameter name that is not plain text"));
                return;
            }
            for (String value : values) {
                String violation = value == null ? null : value.length() > MAX_VALUE_LENGTH
                        ? "must be at most " + MAX_VALUE_LENGTH + " characters"
                        : value.chars().anyMatch(Character::isISOControl) ? "must not contain control characters"
                        : InputBounds.textViolation(value);
                if (violation != null) {
                    errors.add(new Violation(name, violation));
                    return;
                }
            }
        });
        return errors;
    }
}
