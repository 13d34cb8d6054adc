package com.dealerradar.gateway.dashboard;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routes {@code /v3/api-docs/<service>} to that service's own {@code /v3/api-docs}, so that Swagger UI
 * on the gateway's port reads all four descriptions. The services' addresses are taken from the API
 * routes in application.yml, so they are configured in one place.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    static final String PATH_PREFIX = "/v3/api-docs";
    static final List<String> SERVICES = List.of("lead-service", "followup-service", "defeat-service", "analytics-service");

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, GatewayProperties gateway) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (String service : SERVICES) {
            URI uri = serviceUri(gateway, service);
            routes.route("api-docs-" + service, route -> route
                    .path(PATH_PREFIX + "/" + service)
                    .filters(filters -> filters.setPath(PATH_PREFIX))
                    .uri(uri));
        }
        return routes.build();
    }

    private static URI serviceUri(GatewayProperties gateway, String service) {
        return gateway.getRoutes().stream()
                .filter(route -> route.getId().equals(service))
                .map(RouteDefinition::getUri)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No route '" + service + "' in the gateway configuration"));
    }
}
