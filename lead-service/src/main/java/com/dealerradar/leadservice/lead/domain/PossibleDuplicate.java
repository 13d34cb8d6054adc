package com.dealerradar.leadservice.lead.domain;

import java.util.List;

/**
 * Which earlier lead a new one may duplicate: an open (or at-risk) lead with the same phone number,
 * preferably of the same dealer; one of another dealer shows the customer shopping around the group.
 */
public final class PossibleDuplicate {

    private PossibleDuplicate() {}

    /** @param candidates open leads with the same phone hash, oldest first */
    public static LeadRef among(List<Lead> candidates, String dealerId) {
        LeadRef otherDealers = null;
        for (Lead candidate : candidates) {
            if (candidate.status() != LeadStatus.OPEN && candidate.status() != LeadStatus.AT_RISK) {
                continue;
            }
            LeadRef ref = new LeadRef(candidate.leadId(), candidate.dealerId());
            if (candidate.dealerId().equals(dealerId)) {
                return ref;
            }
            if (otherDealers == null) {
                otherDealers = ref;
            }
        }
        return otherDealers;
    }
}
