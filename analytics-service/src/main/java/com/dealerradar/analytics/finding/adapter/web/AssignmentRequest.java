package com.dealerradar.analytics.finding.adapter.web;

import com.dealerradar.analytics.finding.domain.FindingKind;
import com.dealerradar.analytics.finding.domain.FindingSubject;
import com.dealerradar.analytics.finding.domain.NewAssignment;
import com.dealerradar.analytics.finding.domain.Owner;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PUT /api/analytics/findings/{findingId}/assignment}: the finding as the radar
 * described it (so that the server can check it is the one the id names), its owner, due date and note.
 * The domain checks every field and names it.
 */
record AssignmentRequest(SubjectRequest finding, OwnerRequest owner, LocalDate dueDate, String note) {

    record SubjectRequest(FindingKind kind, String region, String dimension, String value, String industry,
            LocalDate opensOn, List<String> regions) {}

    record OwnerRequest(String dealerId, String name) {}

    NewAssignment toNewAssignment() {
        FindingSubject subject = finding == null ? null : new FindingSubject(finding.kind(), finding.region(),
                finding.dimension(), finding.value(), finding.industry(), finding.opensOn(), finding.regions());
        return new NewAssignment(subject, owner == null ? null : new Owner(owner.dealerId(), owner.name()), dueDate,
                note);
    }
}
