package com.dealerradar.events.followup;

import java.time.OffsetDateTime;

/**
 * Payload of {@code radar.followup.at-risk-candidate.v1}, once per lead and reason: {@code why} is
 * WINDOW_PASSED (past the grade's purchase window) or LONG_OVERDUE (overdue by more than twice the
 * interval); {@code since} is when that became true.
 */
public record AtRiskCandidate(String leadId, String dealerId, String region, String grade, String why,
        OffsetDateTime since) {}
