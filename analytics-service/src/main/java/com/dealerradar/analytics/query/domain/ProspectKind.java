package com.dealerradar.analytics.query.domain;

/** The two kinds of missed prospect (domain.md): no inquiries where peers get them, or inquiries not turned into deals. */
public enum ProspectKind {
    /** 行业空白: peers get inquiries for the value, the region none or far fewer than its size predicts. */
    UNTOUCHED,
    /** The region gets the inquiries but wins far fewer of them than its peers win of theirs. */
    UNCONVERTED
}
