package com.dealerradar.lead.lead.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a lead remembers of the defeat events applied to it: their ids, the last version seen of each
 * defeat, and the defeat that caused the current AT_RISK or DEFEATED status. A repeated event, or
 * one older than what was already applied for its defeat, changes nothing.
 *
 * @param cause the defeat id behind the current loss status, or null
 */
public record DefeatLedger(String cause, Map<String, Long> lastSequences, List<String> appliedEvents) {

    public static final DefeatLedger EMPTY = new DefeatLedger(null, Map.of(), List.of());

    public DefeatLedger {
        lastSequences = Map.copyOf(lastSequences);
        appliedEvents = List.copyOf(appliedEvents);
    }

    public boolean isStaleOrRepeated(DefeatEvent event) {
        Long last = lastSequences.get(event.defeatId());
        return appliedEvents.contains(event.eventId()) || (last != null && event.sequence() <= last);
    }

    public DefeatLedger recording(DefeatEvent event, String newCause) {
        Map<String, Long> sequences = new LinkedHashMap<>(lastSequences);
        sequences.put(event.defeatId(), event.sequence());
        List<String> applied = new ArrayList<>(appliedEvents);
        applied.add(event.eventId());
        return new DefeatLedger(newCause, sequences, applied);
    }
}
