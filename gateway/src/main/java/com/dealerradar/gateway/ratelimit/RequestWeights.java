package com.dealerradar.gateway.ratelimit;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How many tokens a request takes from its key's bucket. Matched on the decoded path, as routes are,
 * so that no spelling of a path ({@code /api/leads/%62atch}) makes a batch light.
 */
final class RequestWeights {

    private static final List<PathPattern> BATCHES = patterns("/api/leads/batch", "/api/analytics/rebuild");
    private static final List<PathPattern> ANALYTICS = patterns("/api/analytics", "/api/analytics/**");

    private final RateLimitProperties.Weights weights;

    RequestWeights(RateLimitProperties.Weights weights) {
        this.weights = weights;
    }

    long of(HttpMethod method, PathContainer path) {
        PathContainer withoutTrailingSlash = withoutTrailingSlash(path);
        if (HttpMethod.POST.equals(method) && matches(BATCHES, withoutTrailingSlash)) {
            return weights.batch();
        }
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (read && matches(ANALYTICS, withoutTrailingSlash)) {
            return weights.analytics();
        }
        return 1;
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** A trailing slash must not make a batch light, wherever the request ends up. */
    private static PathContainer withoutTrailingSlash(PathContainer path) {
        List<PathContainer.Element> elements = path.elements();
        int last = elements.size() - 1;
        if (last > 0 && elements.get(last) instanceof PathContainer.Separator) {
            return path.subPath(0, last);
        }
        return path;
    }

    private static List<PathPattern> patterns(String... patterns) {
        return List.of(patterns).stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
