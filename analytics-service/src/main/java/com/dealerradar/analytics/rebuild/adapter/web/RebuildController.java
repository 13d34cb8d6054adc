package com.dealerradar.analytics.rebuild.adapter.web;

import com.dealerradar.analytics.rebuild.application.RebuildReadModel;
import com.dealerradar.analytics.rebuild.domain.RebuildStatus;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/analytics/rebuild} (ADMIN): starts rebuilding the read model from the topics, in
 * the background → 202 with the rebuild's status and its {@code Location}; {@code GET} that location,
 * or {@code /api/analytics/rebuild} for the latest, follows it.
 */
@RestController
class RebuildController {

    private static final String PATH = "/api/analytics/rebuild";

    private final RebuildReadModel rebuild;

    RebuildController(RebuildReadModel rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<RebuildStatus>> start(Caller caller) {
        return rebuild.start(caller)
                .map(status -> ResponseEntity.accepted().location(URI.create(PATH + "/" + status.id())).body(status));
    }

    @GetMapping(PATH + "/{id}")
    Mono<RebuildStatus> status(Caller caller, @PathVariable String id) {
        return rebuild.status(caller, id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("rebuild " + id)));
    }

    @GetMapping(PATH)
    Mono<RebuildStatus> latest(Caller caller) {
        return rebuild.latest(caller).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("rebuild")));
    }
}
