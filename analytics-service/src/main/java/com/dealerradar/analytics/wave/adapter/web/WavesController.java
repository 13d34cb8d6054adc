package com.dealerradar.analytics.wave.adapter.web;

import com.dealerradar.analytics.wave.application.WavesQuery;
import com.dealerradar.platform.security.Caller;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/analytics/waves}: industry waves, for headquarters and the regions they concern. */
@RestController
class WavesController {

    private final WavesQuery waves;

    WavesController(WavesQuery waves) {
        this.waves = waves;
    }

    @GetMapping("/api/analytics/waves")
    Mono<WavesQuery.Waves> waves(Caller caller, @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer windowDays) {
        return Mono.defer(() -> waves.find(caller, from, to, windowDays, region));
    }
}
