package com.dealerradar.defeatservice.defeat.domain;

/** A report waits for its callback; the callback settles it as CONFIRMED or REVERSED (a false defeat). */
public enum DefeatState {
    PENDING_CALLBACK, CONFIRMED, REVERSED;

    public boolean settled() {
        return this != PENDING_CALLBACK;
    }
}
