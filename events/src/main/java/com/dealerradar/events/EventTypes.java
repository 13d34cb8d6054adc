package com.dealerradar.events;

/** CloudEvents {@code type} values: {@code radar.<entity>.<happened>.v<N>}. */
public final class EventTypes {

    public static final String DEALER_REGISTERED = "radar.dealer.registered.v1";
    public static final String DEALER_UPDATED = "radar.dealer.updated.v1";

    public static final String LEAD_CAPTURED = "radar.lead.captured.v1";
    public static final String LEAD_GRADED = "radar.lead.graded.v1";
    public static final String LEAD_CONTACT_RETAINED = "radar.lead.contact-retained.v1";
    public static final String LEAD_WON = "radar.lead.won.v1";
    public static final String LEAD_INVALIDATED = "radar.lead.invalidated.v1";
    public static final String LEAD_STATUS_CHANGED = "radar.lead.status-changed.v1";

    public static final String FOLLOWUP_RECORDED = "radar.followup.recorded.v1";
    public static final String FOLLOWUP_OVERDUE = "radar.followup.overdue.v1";
    public static final String FOLLOWUP_AT_RISK_CANDIDATE = "radar.followup.at-risk-candidate.v1";

    public static final String DEFEAT_REPORTED = "radar.defeat.reported.v1";
    public static final String DEFEAT_CALLBACK_RECORDED = "radar.defeat.callback-recorded.v1";
    public static final String DEFEAT_CONFIRMED = "radar.defeat.confirmed.v1";
    public static final String DEFEAT_REVERSED = "radar.defeat.reversed.v1";

    private EventTypes() {}
}
