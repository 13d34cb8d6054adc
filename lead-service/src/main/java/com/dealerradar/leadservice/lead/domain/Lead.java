package com.dealerradar.leadservice.lead.domain;

import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.problem.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead of one dealer and what has become of it. Every change returns the lead as it stands after
 * it, one {@code version} further; a command the status does not allow throws {@link IllegalTransition},
 * one whose content is wrong throws {@link InvalidCommand}.
 */
public record Lead(
        String leadId,
        String dealerId,
        String region,
        String externalRef,
        OffsetDateTime occurredAt,
        Channel channel,
        Grade grade,
        boolean contactRetained,
        String model,
        String consultant,
        Customer customer,
        LeadStatus status,
        Instant createdAt,
        long version,
        String fingerprint,
        LeadRef possibleDuplicateOf,
        Deal deal,
        InvalidReason invalidReason,
        DefeatLedger defeats,
        int vehicles) {

    /** The most vehicles a lead may ask about or a deal may sell. */
    public static final int MAX_VEHICLES = 500;

    /** A new lead, OPEN at version 1. {@code fingerprint} identifies the content for idempotent re-posts. */
    public static Lead capture(String leadId, String region, NewLead n, PhoneNumber phone, String fingerprint,
            LeadRef possibleDuplicateOf, Instant now) {
        Customer customer = new Customer(n.customerKind(), n.customerName(), phone, n.industry(), n.organization());
        return new Lead(leadId, n.dealerId(), region, n.externalRef(), n.occurredAt(), n.channel(), n.grade(),
                n.contactRetained(), n.model(), n.consultant(), customer, LeadStatus.OPEN, now, 1, fingerprint,
                possibleDuplicateOf, null, null, DefeatLedger.EMPTY, n.vehicles());
    }

    /** The consultant's new judgement; the same grade again changes nothing. */
    public Lead graded(Grade newGrade, OffsetDateTime at, Instant now) {
        requireWorked("grade");
        checkTime(at, now);
        if (newGrade == grade) {
            return this;
        }
        return next(status, newGrade, contactRetained, deal, invalidReason, defeats);
    }

    /** Contact details were obtained after capture; a lead that already has them stays as it is. */
    public Lead contactObtained(OffsetDateTime at, Instant now) {
        requireWorked("contact");
        checkTime(at, now);
        if (contactRetained) {
            return this;
        }
        return next(status, grade, true, deal, invalidReason, defeats);
    }

    public Lead won(OffsetDateTime at, String dealModel, BigDecimal price, int soldVehicles, Instant now) {
        LeadStatus after = status.onDeal();
        List<Violation> violations = timeViolations(at, now);
        if (price != null && price.signum() < 0) {
            violations.add(new Violation("price", "must not be negative"));
        }
        if (soldVehicles < 1 || soldVehicles > MAX_VEHICLES) {
            violations.add(new Violation("vehicles", "must be between 1 and " + MAX_VEHICLES));
        }
        reject(violations);
        return next(after, grade, contactRetained, new Deal(at, dealModel, price, soldVehicles), invalidReason,
                defeats);
    }

    public Lead invalidated(InvalidReason reason, OffsetDateTime at, Instant now) {
        LeadStatus after = status.onInvalid();
        checkTime(at, now);
        return next(after, grade, contactRetained, deal, reason, defeats);
    }

    /**
     * A confirmed loss. Returns this same lead when the event was applied before or is older than
     * what was applied for its defeat; otherwise the lead with the event recorded, its status moved
     * when the rules move it, and its version bumped only then.
     */
    public Lead defeatConfirmed(DefeatEvent event, DefeatKind kind) {
        if (defeats.isStaleOrRepeated(event)) {
            return this;
        }
        LeadStatus after = status.onConfirmedDefeat(kind);
        if (after == status) {
            return withDefeats(defeats.recording(event, defeats.cause()));
        }
        return next(after, grade, contactRetained, deal, invalidReason, defeats.recording(event, event.defeatId()));
    }

    /** A false defeat: reopens the lead when that defeat is what made it lost. */
    public Lead defeatReversed(DefeatEvent event) {
        if (defeats.isStaleOrRepeated(event)) {
            return this;
        }
        boolean causedCurrentLoss = event.defeatId().equals(defeats.cause());
        LeadStatus after = causedCurrentLoss ? status.onReversedDefeat() : status;
        if (after == status) {
            return withDefeats(defeats.recording(event, defeats.cause()));
        }
        return next(after, grade, contactRetained, deal, invalidReason, defeats.recording(event, null));
    }

    private void requireWorked(String command) {
        if (!status.isWorked()) {
            throw new IllegalTransition(status, command);
        }
    }

    private void checkTime(OffsetDateTime at, Instant now) {
        reject(timeViolations(at, now));
    }

    private List<Violation> timeViolations(OffsetDateTime at, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (at == null) {
            violations.add(new Violation("occurredAt", "is required"));
        } else if (at.toInstant().isAfter(now.plus(NewLead.CLOCK_SKEW))) {
            violations.add(new Violation("occurredAt", "must not be in the future"));
        } else if (at.toInstant().isBefore(occurredAt.toInstant())) {
            violations.add(new Violation("occurredAt", "must not be before the lead came in (" + occurredAt + ")"));
        }
        return violations;
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
    }

    private Lead withDefeats(DefeatLedger ledger) {
        return new Lead(leadId, dealerId, region, externalRef, occurredAt, channel, grade, contactRetained, model,
                consultant, customer, status, createdAt, version, fingerprint, possibleDuplicateOf, deal,
                invalidReason, ledger, vehicles);
    }

    private Lead next(LeadStatus newStatus, Grade newGrade, boolean newContactRetained, Deal newDeal,
            InvalidReason newInvalidReason, DefeatLedger newDefeats) {
        return new Lead(leadId, dealerId, region, externalRef, occurredAt, channel, newGrade, newContactRetained,
                model, consultant, customer, newStatus, createdAt, version + 1, fingerprint, possibleDuplicateOf,
                newDeal, newInvalidReason, newDefeats, vehicles);
    }
}
