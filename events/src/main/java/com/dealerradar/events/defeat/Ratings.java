package com.dealerradar.events.defeat;

/** 1 to 5 per step of the sales process, as the customer rated it on a callback; null where not asked. */
public record Ratings(Integer reception, Integer needsAnalysis, Integer presentation, Integer testDrive,
        Integer negotiation, Integer followUp) {}
