package com.dealerradar.gateway;

import static com.dealerradar.gateway.GatewayTestEnvironment.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.gateway.key.ApiKeyHash;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.InternalTokenDecoder;
import com.dealerradar.platform.security.Role;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    private static final Map<String, Object> DEALER_KEY = Map.of("role", "DEALER", "dealerId", "D-CF-01", "label", "CF-01 CRM");

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        GatewayTestEnvironment.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void requestWithoutKeyIsUnauthorized() {
        http.get().uri("/api/leads").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/unauthorized")
                .jsonPath("$.properties").doesNotExist();
        assertThat(GatewayTestEnvironment.stub().calls("/api/leads")).isZero();
    }

    @Test
    void noSpellingOfAPathReachesAServiceWithoutAKey() {
        int before = GatewayTestEnvironment.stub().calls("/api/leads");

        for (String path : List.of("/%61pi/leads", "/API/leads", "/api/./leads", "/gateway/../api/leads")) {
            http.get().uri(java.net.URI.create("http://127.0.0.1:" + port + path)).exchange()
                    .expectStatus().value(status -> assertThat(status).isIn(400, 401));
        }

        assertThat(GatewayTestEnvironment.stub().calls("/api/leads")).isEqualTo(before);
    }

    @Test
    void unknownKeyIsUnauthorized() {
        http.get().uri("/api/keys").header("X-Api-Key", "rk_not-a-key-we-issued").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void adminIssuesDealerKeyThatIsStoredOnlyAsItsHash() {
        Map<String, Object> issued = issue(DEALER_KEY);

        String apiKey = (String) issued.get("apiKey");
        assertThat(apiKey).startsWith("rk_").hasSize(3 + 43);
        assertThat(issued).containsEntry("role", "DEALER").containsEntry("dealerId", "D-CF-01")
                .containsEntry("label", "CF-01 CRM").containsKey("keyId");
        List<String> stored = mongo.findAll(Document.class, "api_keys").map(Document::toJson).collectList().block();
        assertThat(stored).noneMatch(json -> json.contains(apiKey))
                .anyMatch(json -> json.contains(ApiKeyHash.of(apiKey)));
    }

    @Test
    void dealerKeyReachesItsServiceWithASignedIdentityInsteadOfWhatTheClientClaimed() {
        String apiKey = (String) issue(DEALER_KEY).get("apiKey");

        Map<String, Object> echo = http.get().uri("/api/leads?status=OPEN")
                .header("X-Api-Key", apiKey)
                .header("Authorization", "Bearer forged")
                .header("X-Radar-Role", "ADMIN")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult().getResponseBody();

        assertThat(echo).containsEntry("uri", "/api/leads?status=OPEN");
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) echo.get("headers");
        assertThat(headers).doesNotContainKeys("x-radar-role", "x-api-key");
        String authorization = headers.get("authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain("forged");
        Jwt token = tokenReader("lead-service").decode(authorization.substring("Bearer ".length())).block();
        Caller caller = InternalToken.callerOf(token);
        assertThat(caller.role()).isEqualTo(Role.DEALER);
        assertThat(caller.dealerId()).isEqualTo("D-CF-01");
    }

    @Test
    void eachRouteRelaysATokenForItsOwnServiceOnly() {
        Map<String, String> serviceOfPath = Map.of("/api/dealers", "lead-service", "/api/follow-ups/due",
                "followup-service", "/api/defeats", "defeat-service");
        serviceOfPath.forEach((path, service) -> {
            String token = relayedToken(path);
            assertThat(tokenReader(service).decode(token).blockOptional()).as(path).isPresent();
            serviceOfPath.values().stream().filter(other -> !other.equals(service)).forEach(other ->
                    assertThat(tokenReader(other).decode(token).map(Jwt::getSubject).onErrorComplete().blockOptional())
                            .as(path + " read at " + other).isEmpty());
        });
    }

    @Test
    void everyServiceRouteForwardsThePathUnchanged() {
        for (String path : List.of("/api/dealers", "/api/dealers/D-CF-01", "/api/leads/L-1/deal",
                "/api/follow-ups", "/api/follow-ups/due", "/api/defeats/callbacks/due")) {
            http.get().uri(path).header("X-Api-Key", ADMIN_KEY).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.uri").isEqualTo(path);
        }
    }

    @Test
    void eachServicesAdministrationIsReachedUnderItsName() {
        for (String service : List.of("lead-service", "followup-service", "defeat-service")) {
            http.get().uri("/api/admin/" + service + "/dead-letters?limit=5").header("X-Api-Key", ADMIN_KEY).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.uri").isEqualTo("/api/admin/dead-letters?limit=5");
            http.post().uri("/api/admin/" + service + "/dead-letters/redrive").header("X-Api-Key", ADMIN_KEY).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.uri").isEqualTo("/api/admin/dead-letters/redrive");
            assertThat(tokenReader(service).decode(relayedToken("/api/admin/" + service + "/dead-letters"))
                    .blockOptional()).as(service).isPresent();
        }
        http.get().uri("/api/admin/analytics-service/dead-letters").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aLargeBatchBodyPassesThrough() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) ' ');
        twoMegabytes[0] = '{';
        twoMegabytes[twoMegabytes.length - 1] = '}';

        http.post().uri("/api/leads/batch").header("X-Api-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(twoMegabytes).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(twoMegabytes.length);
    }

    @Test
    void dealerKeyMayNotManageKeys() {
        String apiKey = (String) issue(DEALER_KEY).get("apiKey");

        http.post().uri("/api/keys").header("X-Api-Key", apiKey).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "ADMIN", "label", "escalation")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/keys").header("X-Api-Key", apiKey).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aRevokedKeyIsRefusedWithTheVeryNextRequest() {
        Map<String, Object> issued = issue(DEALER_KEY);
        String apiKey = (String) issued.get("apiKey");
        http.get().uri("/api/leads").header("X-Api-Key", apiKey).exchange().expectStatus().isOk();

        http.delete().uri("/api/keys/{keyId}", issued.get("keyId")).header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/leads").header("X-Api-Key", apiKey).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        http.delete().uri("/api/keys/key-unknown").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void listingKeysNeverShowsSecrets() {
        String apiKey = (String) issue(DEALER_KEY).get("apiKey");

        String listing = http.get().uri("/api/keys?size=500").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(listing).contains("\"items\"", "\"total\"", "D-CF-01")
                .doesNotContain(apiKey, ApiKeyHash.of(apiKey), "apiKey", "keyHash");
    }

    @Test
    void listingKeysRefusesAPageOrSizeOutsideTheBoundsOfEveryList() {
        for (String query : List.of("page=100001", "page=-1", "size=0", "size=501")) {
            http.get().uri("/api/keys?" + query).header("X-Api-Key", ADMIN_KEY).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void invalidKeyRequestsAreRefusedNamingTheField() {
        expectInvalid(Map.of("role", "DEALER", "label", "no dealer"), "dealerId");
        expectInvalid(Map.of("role", "REGION_MANAGER", "label", "no region"), "region");
        expectInvalid(Map.of("label", "no role"), "role");
        expectInvalid(Map.of("role", "HQ"), "label");
        expectInvalid(Map.of("role", "BOSS", "label", "unknown role"), "role");
        expectInvalid(Map.of("role", "HQ", "dealerId", "D-CF-01", "label", "HQ bound to a dealer"), "dealerId");
    }

    @Test
    void malformedJsonIsABadRequest() {
        http.post().uri("/api/keys").header("X-Api-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"role\": \"HQ\", ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void aServicesOwn503ReachesTheClientAsItIsOnceAndDoesNotCountAgainstItsBreaker() {
        DownstreamStub stub = GatewayTestEnvironment.stub();
        int before = stub.calls("/api/defeats/unavailable");
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("defeat-service");
        int failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        http.post().uri("/api/defeats/unavailable").header("X-Api-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectBody().jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/not-now");

        assertThat(stub.calls("/api/defeats/unavailable") - before).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
    }

    @Test
    void aPostWhoseAnswerNeverCameIsNeverRetriedAndSaysToSendItAgainWithTheSameRef() {
        DownstreamStub stub = GatewayTestEnvironment.stub();
        int before = stub.calls("/api/defeats/reset");

        http.post().uri("/api/defeats/reset").header("X-Api-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/ambiguous-write")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("same externalRef"));

        assertThat(stub.calls("/api/defeats/reset") - before).isEqualTo(1);
    }

    @Test
    void aReadThatOutlastsTheReadTimeoutIsAGatewayTimeout() {
        http.get().uri("/api/defeats/slow?delayMs=3500").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectBody().jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/service-timeout");
    }

    @Test
    void aBatchMayTakeLongerThanARead() {
        http.post().uri("/api/leads/batch?delayMs=3500").header("X-Api-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"leads\": []}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.uri").isEqualTo("/api/leads/batch?delayMs=3500");
    }

    @Test
    void aServiceAnswering5xxCountsAgainstItsCircuitBreaker() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("defeat-service");
        int failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        http.get().uri("/api/defeats/broken").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
    }

    @Test
    void aBurstOfSlowCallsToOneServiceAllPassAndCountNothingAgainstItsBreaker() {
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("followup-service");
        int failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);

        List<HttpStatusCode> answers = Flux.range(0, 40)
                .flatMap(i -> client.get().uri("/api/follow-ups/burst-" + i + "?delayMs=1500")
                        .header("X-Api-Key", ADMIN_KEY)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())), 40)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers).hasSize(40).allMatch(HttpStatusCode::is2xxSuccessful);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
    }

    @Test
    void aServiceThatIsDownAnswers503Problem() {
        http.get().uri("/api/analytics/structure").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void anUnknownApiPathIsNotFound() {
        http.get().uri("/api/nothing-here").header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/not-found");
    }

    @Test
    void probesNeedNoKeyButMetricsDo() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/prometheus").header("X-Api-Key", ADMIN_KEY).exchange().expectStatus().isOk();
    }

    private Map<String, Object> issue(Map<String, Object> request) {
        return http.post().uri("/api/keys").header("X-Api-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult().getResponseBody();
    }

    private void expectInvalid(Map<String, Object> request, String field) {
        http.post().uri("/api/keys").header("X-Api-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(String.valueOf(fields)).contains(field));
    }

    private String relayedToken(String path) {
        Map<String, Object> echo = http.get().uri(path).header("X-Api-Key", ADMIN_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) echo.get("headers");
        return headers.get("authorization").substring("Bearer ".length());
    }

    private static ReactiveJwtDecoder tokenReader(String service) {
        return InternalTokenDecoder.forAudience(GatewayTestEnvironment.TOKEN_SECRET, service);
    }
}
