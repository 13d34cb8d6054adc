package com.dealerradar.defeatservice.defeat.domain;

/** What the sales manager learned on calling the customer back. */
public enum CallbackOutcome { CONFIRMED, FALSE_DEFEAT, UNREACHABLE }
