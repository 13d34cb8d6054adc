package com.dealerradar.analytics.finding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A finding's owner, due date and note, as entered at {@code assignedAt} by the key {@code assignedBy}. */
public record Assignment(Owner owner, LocalDate dueDate, String note, Instant assignedAt, String assignedBy) {

    /** Does {@code entered} say what this one says already (a retried PUT)? */
    boolean sameAs(NewAssignment entered) {
        return owner.equals(entered.owner()) && dueDate.equals(entered.dueDate())
                && Objects.equals(note, entered.note());
    }
}
