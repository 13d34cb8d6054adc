package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Calls the stack's gateway as a dealer system or a dashboard does: JSON over HTTP with an API key. */
final class Gateway {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private Gateway() {}

    /** {@code apiKey} and {@code json} may be null: no key sent, no body sent. */
    static HttpResponse<String> call(LocalStack stack, String method, String path, String apiKey, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(RESPONSE_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The id analytics gives a region's missed prospect of an industry, derived as docs/api.md says
     * ("Acting on a finding") and as a client would: the tests address findings by it.
     */
    static String missedProspectId(String region, String industry) {
        return "mp-" + UUID.nameUUIDFromBytes(("missed-prospect|" + region + "|industry|" + industry)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Issues an API key as the stack's admin ({@code json} is the body of {@code POST /api/keys}) and returns it. */
    static String issueKey(LocalStack stack, String json) throws IOException, InterruptedException {
        HttpResponse<String> key = call(stack, "POST", "/api/keys", stack.adminKey(), json);
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return JsonPath.read(key.body(), "$.apiKey");
    }
}
