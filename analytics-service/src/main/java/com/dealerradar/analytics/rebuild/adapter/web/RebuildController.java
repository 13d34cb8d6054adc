package com.dealerradar.analytics.rebuild.adapter.web;

import com.dealerradar.analytics.rebuild.application.RebuildReadModel;
import com.dealerradar.platform.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/analytics/rebuild} (ADMIN): reset the read model and replay every topic. */
@RestController
class RebuildController {

    private final RebuildReadModel rebuild;

    RebuildController(RebuildReadModel rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/analytics/rebuild")
    Mono<RebuildReadModel.Report> rebuild(Caller caller) {
        return Mono.fromCallable(() -> rebuild.rebuild(caller)).subscribeOn(Schedulers.boundedElastic());
    }
}
