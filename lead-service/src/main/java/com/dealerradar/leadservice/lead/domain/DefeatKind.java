package com.dealerradar.leadservice.lead.domain;

/** The kind of a confirmed loss (domain.md, "Lost sales"). */
public enum DefeatKind { AT_RISK, DEFEATED }
