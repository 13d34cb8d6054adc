package com.dealerradar.gateway.dashboard;

import java.util.List;

/**
 * What the browser loads before it has a key: the dashboard's pages and scripts, the webjars they use
 * (ECharts, Swagger UI) and the services' OpenAPI descriptions. None of it holds data; every data
 * request the pages make carries the key.
 */
public final class DashboardPaths {

    public static final List<String> OPEN = List.of(
            "/", "/index.html", "/favicon.ico", "/app/**", "/webjars/**", "/swagger.html",
            ApiDocsRoutes.PATH_PREFIX + "/**");

    private DashboardPaths() {}
}
