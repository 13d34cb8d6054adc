package com.dealerradar.followupservice.leadview.application;

import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.security.ReadScope;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The due list and the at-risk candidates of each dealer, region and the group, ordered by due time
 * and read by key. A lead's writer puts it where its new state belongs before writing it and takes it
 * out of where its old state was after, so a list never misses a lead; an entry left stale by a crash
 * or a race is found out when read and removed. A lead joins the at-risk list when its writer or the
 * detector, looking at it at its thresholds, finds it at risk; it only leaves through a write
 * (re-planned, closed), since time alone never ends a reason.
 */
public interface LeadLists {

    /** A page of leads and the total of the list. */
    record Found(List<TrackedLead> leads, long total) {}

    /** Puts {@code after} in the lists it belongs to and was not in as {@code before} (null: a new lead). */
    Mono<Void> enter(TrackedLead before, TrackedLead after, Instant now);

    /** Takes {@code before} out of the lists that {@code after} no longer belongs to, or not at that place. */
    Mono<Void> leave(TrackedLead before, TrackedLead after, Instant now);

    /** The detector found the lead at a threshold: it joins the at-risk lists if it is at risk. */
    Mono<Void> lookedAt(TrackedLead lead, Instant now);

    /** Open leads in scope whose next follow-up is due by {@code until}, earliest first. */
    Mono<Found> due(ReadScope scope, Instant until, long skip, int limit);

    /** Open leads in scope past their window or long overdue at {@code now}, earliest due first. */
    Mono<Found> atRisk(ReadScope scope, Instant now, long skip, int limit);
}
