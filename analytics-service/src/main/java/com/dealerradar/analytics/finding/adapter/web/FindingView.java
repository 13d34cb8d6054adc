package com.dealerradar.analytics.finding.adapter.web;

import com.dealerradar.analytics.finding.domain.Assignment;
import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingKind;
import com.dealerradar.analytics.finding.domain.FindingState;
import com.dealerradar.analytics.finding.domain.FindingSubject;
import com.dealerradar.analytics.finding.domain.Outcome;
import com.dealerradar.analytics.finding.domain.Owner;
import com.dealerradar.analytics.finding.domain.RecordedOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** An assigned finding as the API shows it; instants at the group's offset. */
record FindingView(String findingId, SubjectView finding, FindingState state, boolean overdue,
        AssignmentView assignment, OffsetDateTime firstAssignedAt, Outcome latestOutcome, List<OutcomeView> outcomes,
        List<AssignmentView> previousAssignments, long earlierAssignments, long version) {

    /** {@code regions}: the regions whose managers see the finding (a missed prospect's one). */
    record SubjectView(FindingKind kind, String region, String dimension, String value, String industry,
            LocalDate opensOn, List<String> regions) {}

    record OwnerView(String dealerId, String name) {}

    record AssignmentView(OwnerView owner, LocalDate dueDate, String note, OffsetDateTime assignedAt) {}

    record OutcomeView(Outcome outcome, OffsetDateTime at, String leadId, String reason, String externalRef,
            OffsetDateTime recordedAt) {}

    static FindingView of(Finding f, LocalDate today, ZoneId zone) {
        FindingSubject s = f.subject();
        return new FindingView(f.findingId(), new SubjectView(s.kind(), s.region(), s.dimension(), s.value(),
                s.industry(), s.opensOn(), s.scopeRegions()), f.state(), f.overdue(today),
                assignment(f.assignment(), zone), at(f.firstAssignedAt(), zone), f.latestOutcome().orElse(null),
                f.outcomes().stream().map(o -> outcome(o, zone)).toList(),
                f.previousAssignments().stream().map(a -> assignment(a, zone)).toList(), f.earlierAssignments(),
                f.version());
    }

    private static AssignmentView assignment(Assignment a, ZoneId zone) {
        Owner owner = a.owner();
        return new AssignmentView(new OwnerView(owner.dealerId(), owner.name()), a.dueDate(), a.note(),
                at(a.assignedAt(), zone));
    }

    private static OutcomeView outcome(RecordedOutcome o, ZoneId zone) {
        return new OutcomeView(o.outcome(), o.at(), o.leadId(), o.reason(), o.externalRef(), at(o.recordedAt(), zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
