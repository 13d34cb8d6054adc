package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingConflict;
import com.dealerradar.analytics.finding.domain.NewOutcome;
import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Records what came of an assigned finding: its owner dealer, a regional manager of its region, HQ or
 * ADMIN. A finding never assigned, or out of the key's reach, is 404. Guarded by the version read, like
 * an assignment.
 */
@Service
public class RecordOutcome {

    private static final int WRITE_ATTEMPTS = 3;

    private final Findings findings;
    private final FindingLists lists;
    private final Clock clock;

    public RecordOutcome(Findings findings, FindingLists lists, Clock clock) {
        this.findings = findings;
        this.lists = lists;
        this.clock = clock;
    }

    public Mono<Finding> record(Caller caller, String findingId, NewOutcome reported) {
        return attempt(caller, findingId, reported, WRITE_ATTEMPTS);
    }

    private Mono<Finding> attempt(Caller caller, String findingId, NewOutcome reported, int attemptsLeft) {
        return findings.find(findingId)
                .filter(finding -> FindingAccess.reaches(caller, finding))
                .switchIfEmpty(Mono.error(() -> FindingProblems.notFound(findingId)))
                .flatMap(before -> {
                    Finding after;
                    try {
                        after = before.record(reported, clock.instant(), caller.keyId());
                    } catch (InvalidCommand | FindingConflict refusal) {
                        return Mono.error(FindingProblems.of(refusal));
                    }
                    if (after == before) {
                        return Mono.just(before);
                    }
                    return lists.changing(before, after)
                            .then(findings.update(before, after))
                            .flatMap(applied -> {
                                if (applied) {
                                    return lists.changed(before, after).thenReturn(after);
                                }
                                return attemptsLeft > 1 ? attempt(caller, findingId, reported, attemptsLeft - 1)
                                        : Mono.error(FindingProblems.concurrent(findingId));
                            });
                });
    }
}
