package com.dealerradar.followupservice.leadview.domain;

import com.dealerradar.followupservice.cadence.domain.Cadence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * followup-service's view of one lead: what lead-service published about it (dealer, region, grade,
 * status, capture time, all guarded by the lead's {@code version}), what the follow-ups recorded here
 * did to it, its current {@link Plan}, and which of its events were already announced.
 * <p>
 * Every method returns the next state and leaves this one alone; an empty result means "nothing to
 * change", which is what a repeated or stale input gets.
 *
 * @param version          the lead's version in lead-service (the {@code sequence} of its last applied event)
 * @param overdueNotified  the current overdue episode was announced; an episode ends when a reached
 *                         follow-up or a grade change moves the due time
 * @param atRiskNotified   the at-risk reasons announced so far (each at most once per lead)
 * @param recentFollowUps  the last {@value #RECENT_FOLLOW_UPS} follow-ups counted, oldest first, so that
 *                         counting one again changes nothing. A recount only happens when a crash or a
 *                         retry interrupted counting and marking, seconds after the count, so a window
 *                         that does not grow with the lead's history is enough
 * @param eventSequence    how many events followup-service published about this lead
 * @param revision         optimistic lock of the stored document
 */
public record TrackedLead(
        String leadId,
        String dealerId,
        String region,
        Grade grade,
        LeadStatus status,
        Instant capturedAt,
        Instant firstReachedAt,
        Instant lastReachedAt,
        long version,
        Plan plan,
        boolean overdueNotified,
        Set<AtRiskReason> atRiskNotified,
        List<String> recentFollowUps,
        long eventSequence,
        long revision) {

    /** How many of the latest counted follow-ups a lead remembers. */
    public static final int RECENT_FOLLOW_UPS = 50;

    public TrackedLead {
        atRiskNotified = Set.copyOf(atRiskNotified);
        recentFollowUps = List.copyOf(recentFollowUps);
    }

    public static TrackedLead captured(String leadId, String dealerId, String region, Grade grade,
            Instant capturedAt, long version, Cadence cadence) {
        return new TrackedLead(leadId, dealerId, region, grade, LeadStatus.OPEN, capturedAt, null, null, version,
                cadence.plan(grade, capturedAt, null), false, Set.of(), List.of(), 0, 0);
    }

    /** Only open leads are followed up on a cadence; won, invalid, at-risk and defeated ones are not. */
    public boolean isOpen() {
        return status == LeadStatus.OPEN;
    }

    /** A new grade re-plans the lead at once and starts a new overdue episode. */
    public Optional<TrackedLead> graded(Grade newGrade, long eventVersion, Cadence cadence) {
        if (eventVersion <= version) {
            return Optional.empty();
        }
        boolean changed = newGrade != grade;
        return Optional.of(new TrackedLead(leadId, dealerId, region, newGrade, status, capturedAt, firstReachedAt,
                lastReachedAt, eventVersion, changed ? cadence.plan(newGrade, capturedAt, lastReachedAt) : plan,
                changed ? false : overdueNotified, atRiskNotified, recentFollowUps, eventSequence, revision));
    }

    public Optional<TrackedLead> statusChanged(LeadStatus newStatus, long eventVersion) {
        if (eventVersion <= version) {
            return Optional.empty();
        }
        return Optional.of(new TrackedLead(leadId, dealerId, region, grade, newStatus, capturedAt, firstReachedAt,
                lastReachedAt, eventVersion, plan, overdueNotified, atRiskNotified, recentFollowUps, eventSequence,
                revision));
    }

    /** A lead event that changes nothing followup-service keeps still moves the version on. */
    public Optional<TrackedLead> touched(long eventVersion) {
        return statusChanged(status, eventVersion);
    }

    /**
     * Counts a follow-up. One that reached the lead later than any before re-plans it and ends the
     * overdue episode; one earlier than any reached before is the lead's first response.
     */
    public Optional<Recorded> recorded(String followUpId, Instant occurredAt, boolean reached, Cadence cadence) {
        if (recentFollowUps.contains(followUpId)) {
            return Optional.empty();
        }
        List<String> applied = new ArrayList<>(recentFollowUps);
        applied.add(followUpId);
        if (applied.size() > RECENT_FOLLOW_UPS) {
            applied.remove(0);
        }
        boolean first = reached && (firstReachedAt == null || occurredAt.isBefore(firstReachedAt));
        boolean latest = reached && (lastReachedAt == null || occurredAt.isAfter(lastReachedAt));
        Instant newFirst = first ? occurredAt : firstReachedAt;
        Instant newLast = latest ? occurredAt : lastReachedAt;
        Plan newPlan = latest ? cadence.plan(grade, capturedAt, newLast) : plan;
        TrackedLead next = new TrackedLead(leadId, dealerId, region, grade, status, capturedAt, newFirst, newLast,
                version, newPlan, latest ? false : overdueNotified, atRiskNotified, applied, eventSequence + 1,
                revision);
        Long firstResponseMinutes = first ? Duration.between(capturedAt, occurredAt).toMinutes() : null;
        return Optional.of(new Recorded(next, firstResponseMinutes));
    }

    /** The lead after a follow-up was counted; {@code firstResponseMinutes} only for its first response. */
    public record Recorded(TrackedLead lead, Long firstResponseMinutes) {}

    /** A lead planned under an older cadence gets the current one; the overdue episode goes on. */
    public Optional<TrackedLead> replanned(Cadence cadence) {
        if (plan.cadenceRevision() >= cadence.revision()) {
            return Optional.empty();
        }
        return Optional.of(new TrackedLead(leadId, dealerId, region, grade, status, capturedAt, firstReachedAt,
                lastReachedAt, version, cadence.plan(grade, capturedAt, lastReachedAt), overdueNotified,
                atRiskNotified, recentFollowUps, eventSequence, revision));
    }

    /** The lead with its overdue episode announced, when it is open, overdue and not announced yet. */
    public Optional<TrackedLead> overdueToAnnounce(Instant now) {
        if (!isOpen() || overdueNotified || !plan.overdueAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new TrackedLead(leadId, dealerId, region, grade, status, capturedAt, firstReachedAt,
                lastReachedAt, version, plan, true, atRiskNotified, recentFollowUps, eventSequence + 1, revision));
    }

    /** The lead with {@code reason} announced, when it is open, the reason holds and was never announced. */
    public Optional<TrackedLead> atRiskToAnnounce(AtRiskReason reason, Instant now) {
        if (!isOpen() || atRiskNotified.contains(reason) || plan.since(reason, now) == null) {
            return Optional.empty();
        }
        Set<AtRiskReason> announced = EnumSet.of(reason);
        announced.addAll(atRiskNotified);
        return Optional.of(new TrackedLead(leadId, dealerId, region, grade, status, capturedAt, firstReachedAt,
                lastReachedAt, version, plan, overdueNotified, announced, recentFollowUps, eventSequence + 1,
                revision));
    }

    /**
     * When the detector must look at this lead next: the due time of an overdue episode not announced
     * yet and each at-risk threshold not announced yet; none for a lead that is not open.
     */
    public Set<Instant> alertTimes() {
        Set<Instant> times = new HashSet<>();
        if (!isOpen()) {
            return times;
        }
        if (!overdueNotified) {
            times.add(plan.dueAt());
        }
        for (AtRiskReason reason : AtRiskReason.values()) {
            if (!atRiskNotified.contains(reason)) {
                times.add(plan.threshold(reason));
            }
        }
        return times;
    }

    /**
     * When the detector must look at this lead to keep the lists true: its alert times and, even when
     * announced before, the at-risk thresholds (from then on it is an at-risk candidate).
     */
    public Set<Instant> lookTimes() {
        Set<Instant> times = alertTimes();
        if (isOpen()) {
            for (AtRiskReason reason : AtRiskReason.values()) {
                times.add(plan.threshold(reason));
            }
        }
        return times;
    }

    /** The at-risk reasons that hold at {@code now} for an open lead, announced or not. */
    public Set<AtRiskReason> atRiskReasons(Instant now) {
        Set<AtRiskReason> reasons = EnumSet.noneOf(AtRiskReason.class);
        if (isOpen()) {
            for (AtRiskReason reason : AtRiskReason.values()) {
                if (plan.since(reason, now) != null) {
                    reasons.add(reason);
                }
            }
        }
        return reasons;
    }
}
