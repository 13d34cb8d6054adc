package com.dealerradar.defeatservice.leadview.application;

/**
 * A point in the lead events: the events of one lead all go to one partition of the feed, in order,
 * and {@code offset} is the position just after the last of them published when the mark was taken.
 */
public record LeadFeedMark(int partition, long offset) {}
