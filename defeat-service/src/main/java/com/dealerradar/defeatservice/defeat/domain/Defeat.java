package com.dealerradar.defeatservice.defeat.domain;

import com.dealerradar.platform.problem.InvalidCommand;
import com.dealerradar.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A lost sale of one lead and its callbacks. It starts PENDING_CALLBACK and is settled once, by a
 * callback, as CONFIRMED or REVERSED. Every published event is one version step, so a callback that
 * settles the defeat (callback recorded, then confirmed or reversed) advances the version by two.
 */
public record Defeat(
        String defeatId,
        String leadId,
        String dealerId,
        String region,
        String externalRef,
        DefeatOrigin origin,
        OffsetDateTime occurredAt,
        DefeatKind kind,
        DefeatSubtype subtype,
        List<Reason> reasons,
        String competitorBrand,
        String competitorModel,
        String sameGroupDealerId,
        String note,
        String reportedBy,
        DefeatState state,
        OffsetDateTime callbackDueAt,
        List<Callback> callbacks,
        OffsetDateTime settledAt,
        Instant reportedAt,
        long version,
        String fingerprint) {

    /** Unreachable callbacks after which the loss stands as DEFEATED / LOST_CONTACT. */
    public static final int UNREACHABLE_ATTEMPTS_TO_CONFIRM = 3;

    public Defeat {
        reasons = List.copyOf(reasons);
        callbacks = List.copyOf(callbacks);
    }

    /** A consultant's report of lead {@code leadId} of {@code dealerId}; the callback is due {@code callbackWithin} after the loss. */
    public static Defeat report(String defeatId, String dealerId, String region, NewDefeat n, Duration callbackWithin,
            Instant now) {
        List<Violation> violations = n.violations(now);
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        return new Defeat(defeatId, n.leadId(), dealerId, region, n.externalRef(), DefeatOrigin.REPORTED,
                n.occurredAt(), n.kind(), n.subtype(), n.reasons(), n.competitorBrand(), n.competitorModel(),
                n.sameGroupDealerId(), n.note(), n.reportedBy(), DefeatState.PENDING_CALLBACK,
                n.occurredAt().plus(callbackWithin), List.of(), null, now, 1, n.fingerprint());
    }

    /**
     * A lead that followup-service found long unconverted since {@code since}: an AT_RISK /
     * LONG_UNCONVERTED case for the sales manager to confirm or dismiss.
     */
    public static Defeat atRiskCandidate(String defeatId, String leadId, String dealerId, String region,
            OffsetDateTime since, String why, Duration callbackWithin, Instant now) {
        return new Defeat(defeatId, leadId, dealerId, region, "at-risk:" + defeatId, DefeatOrigin.AT_RISK_CANDIDATE,
                since, DefeatKind.AT_RISK, DefeatSubtype.LONG_UNCONVERTED, List.of(), null, null, null,
                "at-risk candidate: " + why, null, DefeatState.PENDING_CALLBACK, since.plus(callbackWithin),
                List.of(), null, now, 1, defeatId);
    }

    public int attempts() {
        return callbacks.size();
    }

    public boolean isOverdue(Instant now) {
        return state == DefeatState.PENDING_CALLBACK && callbackDueAt.toInstant().isBefore(now);
    }

    /** The defeat after callback {@code c}; fails when it is settled already or the callback breaks a rule. */
    /**
     * Whether a callback with this idempotency key is recorded already: a retry of it is answered with
     * the defeat as it stands, even once settled. A defeat holds a handful of callbacks, so a scan is fine.
     */
    public boolean hasCallback(String externalRef) {
        return externalRef != null && callbacks.stream().anyMatch(c -> externalRef.equals(c.externalRef()));
    }

    public Defeat recordCallback(NewCallback c, Instant now) {
        if (state.settled()) {
            throw new DefeatAlreadySettled(defeatId, state);
        }
        List<Violation> violations = new ArrayList<>(c.violations(now));
        if (c.occurredAt() != null && c.occurredAt().isBefore(occurredAt)) {
            violations.add(new Violation("occurredAt", "must not be before the loss (" + occurredAt + ")"));
        }
        DefeatKind newKind = c.kind() != null ? c.kind() : kind;
        DefeatSubtype newSubtype = c.subtype() != null ? c.subtype() : subtype;
        if (c.outcome() == CallbackOutcome.CONFIRMED) {
            if (!newSubtype.belongsTo(newKind)) {
                violations.add(new Violation("subtype", newSubtype + " is not a subtype of " + newKind
                        + "; allowed: " + NewDefeat.subtypesOf(newKind)));
            }
            if (newSubtype == DefeatSubtype.BOUGHT_COMPETITOR && blank(competitorBrand) && blank(c.boughtBrand())) {
                violations.add(new Violation("boughtBrand", "is required to confirm BOUGHT_COMPETITOR"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations);
        }
        Correction correction = c.corrects() ? new Correction(c.kind(), c.subtype(), c.reasons()) : null;
        Callback callback = new Callback(attempts() + 1, c.occurredAt(), c.outcome(), c.actualReasons(),
                c.boughtBrand(), c.boughtModel(), c.ratings(), c.verbatim(), c.by(), correction, now, c.externalRef());
        List<Callback> withCallback = new ArrayList<>(callbacks);
        withCallback.add(callback);
        return switch (c.outcome()) {
            case CONFIRMED -> confirmed(withCallback, newKind, newSubtype,
                    c.reasons() != null ? c.reasons() : reasons,
                    newSubtype == DefeatSubtype.BOUGHT_COMPETITOR && !blank(c.boughtBrand()) ? c.boughtBrand() : competitorBrand,
                    c.occurredAt());
            case FALSE_DEFEAT -> settled(withCallback, DefeatState.REVERSED, kind, subtype, reasons, competitorBrand,
                    c.occurredAt());
            case UNREACHABLE -> unreachable(withCallback) >= UNREACHABLE_ATTEMPTS_TO_CONFIRM
                    ? confirmed(withCallback, DefeatKind.DEFEATED, DefeatSubtype.LOST_CONTACT, reasons, competitorBrand,
                            c.occurredAt())
                    : pending(withCallback);
        };
    }

    private Defeat confirmed(List<Callback> withCallback, DefeatKind newKind, DefeatSubtype newSubtype,
            List<Reason> newReasons, String newCompetitorBrand, OffsetDateTime at) {
        return settled(withCallback, DefeatState.CONFIRMED, newKind, newSubtype, newReasons, newCompetitorBrand, at);
    }

    private Defeat settled(List<Callback> withCallback, DefeatState newState, DefeatKind newKind,
            DefeatSubtype newSubtype, List<Reason> newReasons, String newCompetitorBrand, OffsetDateTime at) {
        String sameGroup = newSubtype == DefeatSubtype.BOUGHT_SAME_BRAND_ELSEWHERE ? sameGroupDealerId : null;
        return new Defeat(defeatId, leadId, dealerId, region, externalRef, origin, occurredAt, newKind, newSubtype,
                newReasons, newCompetitorBrand, competitorModel, sameGroup, note, reportedBy, newState, callbackDueAt,
                withCallback, at, reportedAt, version + 2, fingerprint);
    }

    private Defeat pending(List<Callback> withCallback) {
        return new Defeat(defeatId, leadId, dealerId, region, externalRef, origin, occurredAt, kind, subtype, reasons,
                competitorBrand, competitorModel, sameGroupDealerId, note, reportedBy, state, callbackDueAt,
                withCallback, null, reportedAt, version + 1, fingerprint);
    }

    private static long unreachable(List<Callback> callbacks) {
        return callbacks.stream().filter(cb -> cb.outcome() == CallbackOutcome.UNREACHABLE).count();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
