package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingConflict;
import com.dealerradar.analytics.finding.domain.NewAssignment;
import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assigns a finding to an owner, or replaces its assignment: HQ and ADMIN any finding, a regional
 * manager those of its region. A dealer owner must be a dealer of the finding's region (a wave: of one
 * of its regions). The write is guarded by the version read; a concurrent change is read and decided
 * again, a few times, then answered 409.
 */
@Service
public class AssignFinding {

    private static final int WRITE_ATTEMPTS = 3;

    private final Findings findings;
    private final FindingLists lists;
    private final DealerDirectory directory;
    private final Clock clock;

    public AssignFinding(Findings findings, FindingLists lists, DealerDirectory directory, Clock clock) {
        this.findings = findings;
        this.lists = lists;
        this.directory = directory;
        this.clock = clock;
    }

    public Mono<Finding> assign(Caller caller, String findingId, NewAssignment entered) {
        if (caller.role() == Role.DEALER) {
            return Mono.error(ApiProblem.forbidden("a DEALER key does not assign findings"));
        }
        return attempt(caller, findingId, entered, WRITE_ATTEMPTS);
    }

    private Mono<Finding> attempt(Caller caller, String findingId, NewAssignment entered, int attemptsLeft) {
        return findings.find(findingId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent() && !FindingAccess.reaches(caller, existing.get())) {
                        return Mono.error(FindingProblems.notFound(findingId));
                    }
                    Finding after;
                    try {
                        after = existing.isPresent()
                                ? existing.get().reassign(entered, clock.instant(), caller.keyId())
                                : Finding.assign(findingId, entered, clock.instant(), caller.keyId());
                    } catch (InvalidCommand | FindingConflict refusal) {
                        return Mono.error(FindingProblems.of(refusal));
                    }
                    if (existing.isEmpty() && !FindingAccess.mayAssign(caller, after.regions())) {
                        return Mono.error(ApiProblem.forbidden("the finding's region is outside this key's scope"));
                    }
                    Finding before = existing.orElse(null);
                    return before == after ? Mono.just(after)
                            : ownerInRegion(after).then(write(caller, before, after, entered, attemptsLeft));
                });
    }

    private Mono<Void> ownerInRegion(Finding finding) {
        if (!finding.assignment().owner().isDealer()) {
            return Mono.empty();
        }
        String dealerId = finding.assignment().owner().dealerId();
        return directory.regionOf(dealerId)
                .filter(region -> finding.regions().contains(region))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("owner.dealerId",
                        "must be a dealer of the finding's region" + (finding.regions().size() > 1 ? "s" : ""))))
                .then();
    }

    private Mono<Finding> write(Caller caller, Finding before, Finding after, NewAssignment entered, int attemptsLeft) {
        Mono<Boolean> stored = before == null ? findings.insert(after) : findings.update(before, after);
        return lists.changing(before, after)
                .then(stored)
                .flatMap(applied -> {
                    if (applied) {
                        return lists.changed(before, after).thenReturn(after);
                    }
                    return attemptsLeft > 1 ? attempt(caller, after.findingId(), entered, attemptsLeft - 1)
                            : Mono.error(FindingProblems.concurrent(after.findingId()));
                });
    }
}
