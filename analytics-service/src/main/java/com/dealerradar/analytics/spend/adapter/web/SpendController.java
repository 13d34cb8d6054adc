package com.dealerradar.analytics.spend.adapter.web;

import com.dealerradar.analytics.spend.application.ReplaceSpend;
import com.dealerradar.analytics.spend.domain.MonthlySpend;
import com.dealerradar.platform.security.Caller;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code PUT /api/analytics/spend/{dealerId}/{month}}: HQ, ADMIN or that dealer replace a month's figure. */
@RestController
@RequestMapping("/api/analytics/spend")
class SpendController {

    private final ReplaceSpend replaceSpend;

    SpendController(ReplaceSpend replaceSpend) {
        this.replaceSpend = replaceSpend;
    }

    record SpendRequest(BigDecimal total, Map<String, BigDecimal> byChannel) {}

    record SpendView(String dealerId, String month, BigDecimal total, Map<String, BigDecimal> byChannel) {

        static SpendView of(MonthlySpend spend) {
            return new SpendView(spend.dealerId(), spend.month().toString(), spend.total(), spend.byChannel());
        }
    }

    @PutMapping("/{dealerId}/{month}")
    Mono<SpendView> replace(Caller caller, @PathVariable String dealerId, @PathVariable String month,
            @RequestBody(required = false) SpendRequest request) {
        SpendRequest figures = request == null ? new SpendRequest(null, null) : request;
        return replaceSpend.replace(caller, dealerId, month, figures.total(), figures.byChannel()).map(SpendView::of);
    }
}
