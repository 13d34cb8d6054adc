package com.dealerradar.leadservice.lead.application;

/** The lead changed between our read and our guarded write; the change is decided again. */
final class ConcurrentChange extends RuntimeException {

    ConcurrentChange(String leadId) {
        super("lead " + leadId + " changed meanwhile", null, false, false);
    }
}
