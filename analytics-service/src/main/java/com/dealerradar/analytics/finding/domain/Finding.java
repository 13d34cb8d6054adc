package com.dealerradar.analytics.finding.domain;

import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.problem.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An assigned finding: what it is about, its current assignment, the assignments it replaced (the
 * latest {@value #PREVIOUS_ASSIGNMENTS}, the rest only counted) and its outcomes. Outcomes only move
 * forward ({@link FindingState}), so there are at most three and all are kept: each keeps the
 * {@code externalRef} that makes its retry safe. {@code version} counts the changes; a store writes a
 * change only over the version it was decided on.
 */
public record Finding(String findingId, FindingSubject subject, Assignment assignment, Instant firstAssignedAt,
        List<RecordedOutcome> outcomes, List<Assignment> previousAssignments, long earlierAssignments, long version) {

    public static final int PREVIOUS_ASSIGNMENTS = 10;

    public Finding {
        outcomes = List.copyOf(outcomes);
        previousAssignments = List.copyOf(previousAssignments);
    }

    /** The first assignment of the finding {@code findingId}. */
    public static Finding assign(String findingId, NewAssignment entered, Instant now, String by) {
        requireValid(entered.violations(findingId));
        Assignment assignment = new Assignment(entered.owner(), entered.dueDate(), entered.note(), now, by);
        return new Finding(findingId, entered.subject().normalized(), assignment, now, List.of(),
                List.of(), 0, 1);
    }

    /**
     * This finding with {@code entered} in place of its assignment; the same assignment again changes
     * nothing. A closed finding keeps its last owner.
     */
    public Finding reassign(NewAssignment entered, Instant now, String by) {
        requireValid(entered.violations(findingId));
        FindingSubject joined = subject.joinedWith(entered.subject());
        if (assignment.sameAs(entered) && joined.equals(subject)) {
            return this;
        }
        if (state().closed()) {
            throw new FindingConflict("finding " + findingId + " is " + state() + ": it takes no new assignment");
        }
        List<Assignment> previous = new ArrayList<>();
        previous.add(assignment);
        previous.addAll(previousAssignments);
        long earlier = earlierAssignments;
        while (previous.size() > PREVIOUS_ASSIGNMENTS) {
            previous.remove(previous.size() - 1);
            earlier++;
        }
        Assignment next = new Assignment(entered.owner(), entered.dueDate(), entered.note(), now, by);
        return new Finding(findingId, joined, next, firstAssignedAt, outcomes, previous, earlier, version + 1);
    }

    /**
     * This finding with {@code reported} as its latest outcome. An outcome whose {@code externalRef} is
     * recorded already changes nothing when it says the same, and is a conflict when it does not.
     */
    public Finding record(NewOutcome reported, Instant now, String by) {
        requireValid(reported.violations(now));
        Optional<RecordedOutcome> earlier = outcomeWithRef(reported.externalRef());
        if (earlier.isPresent()) {
            if (earlier.get().fingerprint().equals(reported.fingerprint())) {
                return this;
            }
            throw new FindingConflict("externalRef " + reported.externalRef()
                    + " was recorded on this finding with other content");
        }
        if (!state().allows(reported.outcome())) {
            throw new FindingConflict("finding " + findingId + " is " + state() + ": " + reported.outcome()
                    + (state().closed() ? " comes too late" : " would be a step back"));
        }
        List<RecordedOutcome> next = new ArrayList<>(outcomes);
        next.add(new RecordedOutcome(reported.outcome(), reported.at(), reported.leadId(), reported.reason(),
                reported.externalRef(), reported.fingerprint(), now, by));
        return new Finding(findingId, subject, assignment, firstAssignedAt, next, previousAssignments,
                earlierAssignments, version + 1);
    }

    public FindingState state() {
        return latestOutcome().map(Outcome::state).orElse(FindingState.OPEN);
    }

    public Optional<Outcome> latestOutcome() {
        return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.get(outcomes.size() - 1).outcome());
    }

    /** Assigned, nothing done yet, and its due date passed before {@code today}. */
    public boolean overdue(LocalDate today) {
        return state() == FindingState.OPEN && assignment.dueDate().isBefore(today);
    }

    /** The regions whose managers see it. */
    public List<String> regions() {
        return subject.scopeRegions();
    }

    private Optional<RecordedOutcome> outcomeWithRef(String externalRef) {
        return externalRef == null ? Optional.empty()
                : outcomes.stream().filter(o -> Objects.equals(o.externalRef(), externalRef)).findFirst();
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
    }
}
