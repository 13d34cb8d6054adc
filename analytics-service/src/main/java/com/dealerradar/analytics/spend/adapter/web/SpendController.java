package com.dealerradar.analytics.spend.adapter.web;

import com.dealerradar.analytics.directory.DealerDirectory;
import com.dealerradar.analytics.spend.adapter.mongo.SpendStore;
import com.dealerradar.analytics.spend.domain.MonthlySpend;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
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

    private final SpendStore store;
    private final DealerDirectory directory;

    SpendController(SpendStore store, DealerDirectory directory) {
        this.store = store;
        this.directory = directory;
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
        boolean allowed = caller.role() == Role.HQ || caller.canWriteFor(dealerId);
        if (!allowed) {
            return Mono.error(ApiProblem.forbidden("this key may not enter spend for dealer " + dealerId));
        }
        YearMonth yearMonth = parseMonth(month);
        if (request == null) {
            return Mono.error(ApiProblem.invalid("total", "is required"));
        }
        String[] violation = MonthlySpend.violation(request.total(), request.byChannel());
        if (violation != null) {
            return Mono.error(ApiProblem.invalid(violation[0], violation[1]));
        }
        return store.replace(new MonthlySpend(dealerId, yearMonth, request.total(), request.byChannel()))
                .flatMap(spend -> directory.regionOf(dealerId).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(region -> store.index(dealerId, region.orElse(null), yearMonth))
                        .thenReturn(spend))
                .map(SpendView::of);
    }

    private static YearMonth parseMonth(String month) {
        try {
            if (month.length() != 7) {
                throw new DateTimeParseException("not YYYY-MM", month, 0);
            }
            YearMonth parsed = YearMonth.parse(month);
            InputBounds.queryDate("month", parsed.atDay(1));
            return parsed;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("month", "must be a month as YYYY-MM");
        }
    }
}
