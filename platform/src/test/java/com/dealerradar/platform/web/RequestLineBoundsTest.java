package com.dealerradar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.platform.problem.Violation;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class RequestLineBoundsTest {

    @RestController
    static class ListController {

        @GetMapping("/list")
        Mono<String> list(@RequestParam(required = false) String dealerId) {
            return Mono.just("listed " + dealerId);
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new ListController())
            .webFilter(new RequestLineBounds()).build();

    @Test
    void aPlainQueryPasses() {
        http.get().uri("/list?dealerId=D-CF-01").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("listed D-CF-01");
    }

    @Test
    void aControlCharacterOrAHugeValueIsABadRequestNamingTheParameter() {
        http.get().uri(URI.create("/list?dealerId=D%00X")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dealerId");
        http.get().uri(URI.create("/list?dealerId=a%0Ab")).exchange().expectStatus().isBadRequest();
        http.get().uri("/list?dealerId=" + "x".repeat(RequestLineBounds.MAX_VALUE_LENGTH + 1)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("dealerId");
    }

    @Test
    void aPathPartWithAControlCharacterIsABadRequest() {
        http.get().uri(URI.create("/list/D%00X")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("path");
    }

    @Test
    void tooManyParametersAreRefused() {
        assertThat(RequestLineBounds.violations(Map.of("p", Collections.nCopies(31, "x"))))
                .extracting(Violation::field).containsExactly("query");
    }
}
