package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUpState;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finishes what a crash interrupted and no retry came back for: follow-ups stored but not counted
 * yet, and follow-ups awaiting a lead whose capture was applied meanwhile. Both steps are idempotent.
 */
@Service
public class UnfinishedFollowUps {

    private final FollowUps followUps;
    private final CountFollowUp counter;
    private final AwaitingFollowUps awaiting;

    public UnfinishedFollowUps(FollowUps followUps, CountFollowUp counter, AwaitingFollowUps awaiting) {
        this.followUps = followUps;
        this.counter = counter;
        this.awaiting = awaiting;
    }

    /** Finishes the follow-ups left unfinished since before {@code before}; completes with how many it looked at. */
    public Mono<Long> finish(Instant before) {
        Mono<Long> counted = followUps.recordingSince(before)
                .concatMap(followUpId -> followUps.find(followUpId)
                        .filter(followUp -> followUp.state() == FollowUpState.RECORDING)
                        .flatMap(counter::complete)
                        .then(followUps.dropRecordingMarker(followUpId))
                        .thenReturn(followUpId))
                .count();
        Mono<Long> settled = followUps.awaitedSince(before)
                .concatMap(leadId -> awaiting.settle(leadId).thenReturn(leadId)).count();
        return counted.flatMap(c -> settled.map(s -> c + s));
    }
}
