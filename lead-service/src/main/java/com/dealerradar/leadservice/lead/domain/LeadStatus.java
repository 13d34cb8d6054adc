package com.dealerradar.leadservice.lead.domain;

/**
 * Where a lead stands, and the status machine of api.md: only a confirmed defeat moves a lead to
 * AT_RISK or DEFEATED, only a reversed defeat reopens it, a deal closes an OPEN or AT_RISK lead, an
 * OPEN lead may be closed as INVALID; WON and INVALID are final.
 */
public enum LeadStatus {
    OPEN, WON, INVALID, AT_RISK, DEFEATED;

    public boolean isFinal() {
        return this == WON || this == INVALID;
    }

    /** Grading and obtaining contact details make sense only while someone still works the lead. */
    public boolean isWorked() {
        return this == OPEN || this == AT_RISK;
    }

    public LeadStatus onDeal() {
        if (this == OPEN || this == AT_RISK) {
            return WON;
        }
        throw new IllegalTransition(this, "deal");
    }

    public LeadStatus onInvalid() {
        if (this == OPEN) {
            return INVALID;
        }
        throw new IllegalTransition(this, "invalid");
    }

    /**
     * A confirmed loss: an open lead takes the loss's kind; an at-risk lead that is then confirmed
     * defeated (bought elsewhere after all) escalates. Anything else stays as it is.
     */
    public LeadStatus onConfirmedDefeat(DefeatKind kind) {
        if (this == OPEN) {
            return kind == DefeatKind.AT_RISK ? AT_RISK : DEFEATED;
        }
        if (this == AT_RISK && kind == DefeatKind.DEFEATED) {
            return DEFEATED;
        }
        return this;
    }

    /** A false defeat reopens a lost lead; a lead that is not lost stays as it is. */
    public LeadStatus onReversedDefeat() {
        return this == AT_RISK || this == DEFEATED ? OPEN : this;
    }
}
