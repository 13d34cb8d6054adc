package com.dealerradar.defeatservice.defeat.application;

/** The events waiting in the defeats' outboxes. */
public interface DefeatEventsOutbox {

    /** Starts publishing the events waiting in this defeat's outbox, without waiting for them. */
    void publishSoon(String defeatId);
}
