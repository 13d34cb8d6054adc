package com.dealerradar.analytics.finding.application;

import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.Outcome;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Who owns which of a page of findings, by when, and what came of it: for lists that show the radar's findings. */
@Service
public class AssignmentBriefs {

    /** A dealer of the group, or a named person. */
    public record AssignedOwner(String dealerId, String name) {}

    /** How a list shows an assigned finding: its owner, due date and latest outcome (null before the first). */
    public record Assigned(AssignedOwner owner, LocalDate dueDate, Outcome latestOutcome) {

        static Assigned of(Finding finding) {
            return new Assigned(new AssignedOwner(finding.assignment().owner().dealerId(),
                    finding.assignment().owner().name()), finding.assignment().dueDate(),
                    finding.latestOutcome().orElse(null));
        }
    }

    private final Findings findings;

    public AssignmentBriefs(Findings findings) {
        this.findings = findings;
    }

    /** How each assigned one among {@code findingIds} is shown, by id; one read. */
    public Mono<Map<String, Assigned>> shown(Collection<String> findingIds) {
        return findings.findAll(findingIds).map(byId -> byId.values().stream()
                .collect(Collectors.toMap(Finding::findingId, Assigned::of)));
    }
}
