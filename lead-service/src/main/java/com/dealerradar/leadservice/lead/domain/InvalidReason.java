package com.dealerradar.leadservice.lead.domain;

/** Why a lead is not a prospect at all; an INVALID lead leaves the funnel. */
public enum InvalidReason { WRONG_CONTACT, DUPLICATE, NO_INTENT, ALREADY_BOUGHT, OUT_OF_AREA, OTHER }
