package com.dealerradar.platform.web;

import com.dealerradar.platform.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Every failure a handler can meet comes out as problem+json, client mistakes as 4xx naming the field. */
class ProblemHandlerTest {

    enum Colour { RED, GREEN }

    record Paint(@NotNull Colour colour, @NotNull @Valid Can can) {}

    record Can(@NotNull Integer litres) {}

    @RestController
    static class PaintController {

        @PostMapping("/paint")
        Mono<Paint> paint(@Valid @RequestBody Paint paint) {
            return Mono.just(paint);
        }

        @GetMapping("/thrown")
        Mono<String> thrown(@RequestParam int n) {
            if (n > 1) {
                throw ApiProblem.invalid("n", "too many");
            }
            return Mono.error(ApiProblem.conflict("no"));
        }

        @GetMapping("/later")
        Mono<String> later() {
            return Mono.error(ApiProblem.unavailable("not-yet", "try again", Duration.ofMillis(2_500)));
        }

        @GetMapping("/bug")
        Mono<String> bug() {
            return Mono.error(new IllegalStateException("secret internals"));
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new PaintController())
            .controllerAdvice(new ProblemHandler()).build();

    @Test
    void malformedJsonIsABadRequestAboutTheBody() {
        post("{\"colour\": ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void anUnknownEnumValueNamesItsField() {
        post("{\"colour\": \"BLUE\", \"can\": {\"litres\": 1}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("colour")
                .jsonPath("$.errors[0].message").value(m -> org.assertj.core.api.Assertions.assertThat(m.toString()).contains("RED"));
    }

    @Test
    void missingFieldsAreNamedWithTheirPath() {
        post("{\"can\": {}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("can.litres", "colour"));
    }

    @Test
    void aWrongTypeNamesItsField() {
        post("{\"colour\": \"RED\", \"can\": {\"litres\": \"lots\"}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("can.litres");
    }

    @Test
    void apiProblemsKeepTheirStatusWhetherThrownOrSignalled() {
        http.get().uri("/thrown?n=2").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("n");
        http.get().uri("/thrown?n=1").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/thrown?n=x").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("n");
        http.get().uri("/thrown").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("n")
                .jsonPath("$.errors[0].message").isEqualTo("is required");
    }

    @Test
    void aProblemThatPassesIsA503SayingWhenToTryAgainInWholeSeconds() {
        http.get().uri("/later").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://dealer-radar.dev/problems/not-yet")
                .jsonPath("$.detail").isEqualTo("try again");
    }

    @Test
    void ourOwnFaultIsA500ThatTellsNothingInternal() {
        http.get().uri("/bug").exchange().expectStatus().is5xxServerError()
                .expectBody().jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat(d.toString())
                        .doesNotContain("secret"));
    }

    private WebTestClient.ResponseSpec post(String json) {
        return http.post().uri("/paint").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
