package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.Money;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Where a cohort's leads stand and what they cost (domain.md, "Lead structure and what it costs"). */
@Service
public class StructureQuery {

    private final ScopeResolver scope;
    private final CellReader rollups;
    private final SpendReader spend;

    public StructureQuery(ScopeResolver scope, CellReader rollups, SpendReader spend) {
        this.scope = scope;
        this.rollups = rollups;
        this.spend = spend;
    }

    /** Spend is null until some is recorded for the scope; cost figures are null when spend or leads are zero. */
    public record Structure(long captured, long invalid, long leads, long won, long potential, long defeated,
            long atRisk, long defeatedConfirmed, long pendingDefeats, BigDecimal spend, BigDecimal costPerLead,
            BigDecimal defeatedSpend, long vehiclesSold) {}

    public Mono<Structure> structure(Caller caller, String dealerId, String region, Cohort cohort) {
        return scope.resolve(caller, dealerId, region).flatMap(filter -> Mono.zip(
                rollups.total(filter, cohort),
                spend.total(filter, cohort).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> of(t.getT1(), t.getT2().orElse(null))));
    }

    static Structure of(RollupSum s, BigDecimal spend) {
        BigDecimal costPerLead = s.traffic() == 0 ? null : Money.perUnit(spend, s.captured());
        return new Structure(s.captured(), s.invalid(), s.traffic(), s.won(), s.potential(), s.defeated(), s.atRisk(),
                s.defeatedConfirmed(), s.pendingDefeats(), Money.cents(spend), costPerLead,
                Money.times(costPerLead, s.defeated()), s.vehiclesSold());
    }
}
