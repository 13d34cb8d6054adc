package com.dealerradar.analytics.finding.domain;

import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.problem.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An assignment as HQ or a regional manager enters it: the finding it is for, its owner, a due date and
 * an optional note. A due date already past is accepted (an assignment entered late), and shows as overdue.
 */
public record NewAssignment(FindingSubject subject, Owner owner, LocalDate dueDate, String note) {

    public NewAssignment {
        note = Texts.orNull(note);
    }

    /** The rules it breaks for the finding {@code findingId}, each named as the body's field. */
    public List<Violation> violations(String findingId) {
        List<Violation> violations = new ArrayList<>();
        if (subject == null) {
            violations.add(new Violation("finding", "is required: the finding's kind and what it is about"));
        } else {
            List<Violation> described = subject.violations();
            violations.addAll(described);
            if (described.isEmpty() && !subject.id().equals(findingId)) {
                violations.add(new Violation("finding", "describes finding " + subject.id() + ", not " + findingId));
            }
        }
        if (owner == null) {
            violations.add(new Violation("owner", "must name a dealerId or a name"));
        } else {
            violations.addAll(owner.violations());
        }
        if (dueDate == null) {
            violations.add(new Violation("dueDate", "is required"));
        } else if (dueDate.isBefore(InputBounds.EARLIEST_DATE) || dueDate.isAfter(InputBounds.LATEST_DATE)) {
            violations.add(new Violation("dueDate",
                    "must be between " + InputBounds.EARLIEST_DATE + " and " + InputBounds.LATEST_DATE));
        }
        Texts.check(violations, "note", note, Texts.NOTE, false);
        return violations;
    }
}
