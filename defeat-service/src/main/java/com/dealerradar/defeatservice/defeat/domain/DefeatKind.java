package com.dealerradar.defeatservice.defeat.domain;

/** AT_RISK: not bought elsewhere but intention unclear; DEFEATED: bought elsewhere or out of reach. */
public enum DefeatKind { AT_RISK, DEFEATED }
