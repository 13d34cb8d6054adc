package com.dealerradar.analytics.spend.application;

import com.dealerradar.analytics.spend.domain.MonthlySpend;
import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** HQ, ADMIN or that dealer replace a month's spend figure, which is then filed under the dealer's region. */
@Service
public class ReplaceSpend {

    private final MonthlySpends spends;
    private final DealerDirectory directory;

    public ReplaceSpend(MonthlySpends spends, DealerDirectory directory) {
        this.spends = spends;
        this.directory = directory;
    }

    /** {@code month} as YYYY-MM; a missing {@code total} is refused like any other broken figure. */
    public Mono<MonthlySpend> replace(Caller caller, String dealerId, String month, BigDecimal total,
            Map<String, BigDecimal> byChannel) {
        boolean allowed = caller.role() == Role.HQ || caller.canWriteFor(dealerId);
        if (!allowed) {
            return Mono.error(ApiProblem.forbidden("this key may not enter spend for dealer " + dealerId));
        }
        YearMonth yearMonth = parseMonth(month);
        String[] violation = MonthlySpend.violation(total, byChannel);
        if (violation != null) {
            return Mono.error(ApiProblem.invalid(violation[0], violation[1]));
        }
        return spends.replace(new MonthlySpend(dealerId, yearMonth, total, byChannel))
                .flatMap(spend -> directory.regionOf(dealerId).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(region -> spends.index(dealerId, region.orElse(null), yearMonth))
                        .thenReturn(spend));
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
