package com.dealerradar.followupservice.cadence.application;

import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.cadence.domain.GradeCadence;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reading and changing the group's cadence. A change applies to every lead still followed up from
 * then on: their due times are re-planned before the change is answered.
 */
@Service
public class CadenceSettings {

    private final Cadences cadences;
    private final LeadViews leads;

    public CadenceSettings(Cadences cadences, LeadViews leads) {
        this.cadences = cadences;
        this.leads = leads;
    }

    public Mono<Cadence> current() {
        return cadences.current();
    }

    public Mono<Cadence> replace(Caller caller, Map<Grade, GradeCadence> grades) {
        if (caller.role() != Role.HQ && caller.role() != Role.ADMIN) {
            return Mono.error(ApiProblem.forbidden("only HQ and ADMIN change the follow-up cadence"));
        }
        List<Violation> violations = Cadence.violations(grades);
        if (!violations.isEmpty()) {
            return Mono.error(ApiProblem.invalid(
                    violations));
        }
        return cadences.replace(grades).flatMap(cadence -> leads.replanStale(cadence)
                .then(cadences.replanned(cadence.revision())).thenReturn(cadence));
    }
}
