package com.dealerradar.defeatservice.defeat.domain;

/** Who opened the case: a consultant's report, or followup-service flagging a lead as long unconverted. */
public enum DefeatOrigin { REPORTED, AT_RISK_CANDIDATE }
