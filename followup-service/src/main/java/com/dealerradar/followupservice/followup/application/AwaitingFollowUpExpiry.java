package com.dealerradar.followupservice.followup.application;

import com.dealerradar.followupservice.followup.domain.FollowUpState;
import com.dealerradar.followupservice.leadview.application.LeadViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes the follow-ups that have awaited their lead for longer than
 * {@code radar.followup.awaiting-lead-expiry} (7 days by default): their lead's capture is not coming,
 * and each would otherwise stay awaiting for good. A lead captured later does not count an expired
 * follow-up. Each removal is counted in {@code radar.followup.awaiting.expired}.
 * <p>
 * The oldest arrivals are read by key, a page at a time; a follow-up whose lead became known meanwhile
 * is left to the completion sweep, which settles it.
 */
@Service
public class AwaitingFollowUpExpiry {

    private static final Logger log = LoggerFactory.getLogger(AwaitingFollowUpExpiry.class);
    private static final int PAGE = 200;

    private final FollowUps followUps;
    private final LeadViews leads;
    private final Clock clock;
    private final Duration period;
    private final Counter expired;

    public AwaitingFollowUpExpiry(FollowUps followUps, LeadViews leads, Clock clock, MeterRegistry meters,
            @Value("${radar.followup.awaiting-lead-expiry:7d}") Duration period) {
        this.followUps = followUps;
        this.leads = leads;
        this.clock = clock;
        this.period = period;
        this.expired = Counter.builder("radar.followup.awaiting.expired")
                .description("follow-ups removed after awaiting their lead for longer than the expiry period")
                .register(meters);
    }

    /** Removes what awaited its lead since before the period; completes with how many it removed. */
    public Mono<Long> expire() {
        return Mono.defer(() -> fromPage(clock.instant().minus(period), 0, 0));
    }

    /** How many follow-ups await their lead now. */
    public Mono<Long> waiting() {
        return followUps.countAwaiting();
    }

    // Expired and stale arrivals leave the list; the ones left in place (lead known now) are skipped over.
    private Mono<Long> fromPage(Instant until, long skip, long removedSoFar) {
        return followUps.arrivedUntil(until, skip, PAGE).flatMap(page -> Flux.fromIterable(page)
                .concatMap(this::expire)
                .reduce(new Pass(0, 0), Pass::add)
                .flatMap(pass -> page.size() < PAGE ? Mono.just(removedSoFar + pass.removed())
                        : fromPage(until, skip + pass.leftInPlace(), removedSoFar + pass.removed())));
    }

    private Mono<Outcome> expire(FollowUps.Arrival arrival) {
        return followUps.find(arrival.followUpId())
                .filter(followUp -> followUp.state() == FollowUpState.AWAITING_LEAD)
                .flatMap(followUp -> leads.find(followUp.leadId()).hasElement().flatMap(known -> known
                        ? Mono.just(Outcome.LEFT_IN_PLACE)
                        : followUps.expire(followUp).map(removed -> {
                            if (removed) {
                                expired.increment();
                                log.info("follow-up {} of dealer {} expired after awaiting lead {} since {}",
                                        followUp.followUpId(), followUp.dealerId(), followUp.leadId(),
                                        followUp.recordedAt());
                            }
                            return removed ? Outcome.REMOVED : Outcome.DROPPED;
                        })))
                .switchIfEmpty(Mono.defer(() -> followUps.forget(arrival).thenReturn(Outcome.DROPPED)));
    }

    /** What became of one arrival: its follow-up removed, the arrival dropped as stale, or left for the completion sweep. */
    private enum Outcome { REMOVED, DROPPED, LEFT_IN_PLACE }

    private record Pass(long removed, long leftInPlace) {

        Pass add(Outcome outcome) {
            return new Pass(removed + (outcome == Outcome.REMOVED ? 1 : 0),
                    leftInPlace + (outcome == Outcome.LEFT_IN_PLACE ? 1 : 0));
        }
    }
}
