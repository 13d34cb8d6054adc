package com.dealerradar.defeatservice.leadview.application;

import reactor.core.publisher.Mono;

/**
 * How far this service's view of the leads has read the lead events it is fed from. A lead the view
 * does not hold is provably absent only once the view has read every event of that lead published
 * before the question was asked; until then it may be on its way.
 */
public interface LeadFeedProgress {

    /** Where the events of this lead end now: what the view must have read to be sure of the lead. */
    Mono<LeadFeedMark> markNow(String leadId);

    /** Whether the view has applied every lead event before {@code mark}. */
    Mono<Boolean> hasReadUpTo(LeadFeedMark mark);
}
