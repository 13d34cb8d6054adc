package com.dealerradar.followupservice.cadence.application;

import com.dealerradar.followupservice.cadence.domain.Cadence;
import com.dealerradar.followupservice.cadence.domain.GradeCadence;
import com.dealerradar.followupservice.leadview.domain.Grade;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The group's one cadence; until HQ changes it, the defaults of domain.md apply. It also records up
 * to which revision every lead was re-planned, so that a re-planning pass a crash interrupted is
 * finished by the detector, and only then.
 */
public interface Cadences {

    Mono<Cadence> current();

    /** Whether the leads may still hold plans of an older revision than the current one. */
    Mono<Boolean> replanPending();

    /** Every lead was re-planned under {@code revision} (or a later one). */
    Mono<Void> replanned(long revision);

    /** Replaces the grades and moves the revision on in one write; completes with the new cadence. */
    Mono<Cadence> replace(Map<Grade, GradeCadence> grades);
}
