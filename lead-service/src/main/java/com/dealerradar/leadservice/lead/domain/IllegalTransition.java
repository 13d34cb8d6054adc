package com.dealerradar.leadservice.lead.domain;

/** A command the lead's current status does not allow. */
public class IllegalTransition extends RuntimeException {

    private final LeadStatus current;

    public IllegalTransition(LeadStatus current, String command) {
        super("a lead in status " + current + " does not accept " + command);
        this.current = current;
    }

    public LeadStatus current() {
        return current;
    }
}
