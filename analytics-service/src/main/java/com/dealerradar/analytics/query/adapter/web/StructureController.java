package com.dealerradar.analytics.query.adapter.web;

import com.dealerradar.analytics.query.application.Cohort;
import com.dealerradar.analytics.query.application.LeadStructure;
import com.dealerradar.analytics.query.application.StructureQuery;
import com.dealerradar.platform.security.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/analytics")
class StructureController {

    private final StructureQuery query;

    StructureController(StructureQuery query) {
        this.query = query;
    }

    /** Spend and the cost figures derived from it are null until marketing spend is recorded. */
    record StructureView(long captured, long invalid, long leads, long won, long potential, long defeated,
            long atRisk, long defeatedConfirmed, long pendingDefeats, BigDecimal spend, BigDecimal costPerLead,
            BigDecimal defeatedSpend) {

        static StructureView of(LeadStructure s) {
            return new StructureView(s.captured(), s.invalid(), s.leads(), s.won(), s.potential(), s.defeated(),
                    s.atRisk(), s.defeatedConfirmed(), s.pendingDefeats(), null, null, null);
        }
    }

    @GetMapping("/structure")
    Mono<StructureView> structure(Caller caller,
            @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return query.structure(caller, dealerId, region, new Cohort(from, to)).map(StructureView::of);
    }
}
