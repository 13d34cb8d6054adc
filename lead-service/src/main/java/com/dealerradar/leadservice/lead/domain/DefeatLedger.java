package com.dealerradar.leadservice.lead.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a lead remembers of the defeat events applied to it: the last version seen of each of its
 * most recent defeats (each defeat event is one version step of its defeat, so that high-water mark
 * alone recognises a repeated or late delivery), and the defeat that caused the current AT_RISK or
 * DEFEATED status. A repeated event, or one older than what was already applied for its defeat,
 * changes nothing.
 * <p>
 * Only the {@link #REMEMBERED} most recently applied defeats are kept, so the ledger stays small
 * whatever the lead's history; a defeat settles long before a lead collects that many newer ones.
 *
 * @param cause the defeat id behind the current loss status, or null
 * @param lastSequences per defeat id, the highest sequence applied, least recently applied first
 */
public record DefeatLedger(String cause, Map<String, Long> lastSequences) {

    public static final int REMEMBERED = 16;

    public static final DefeatLedger EMPTY = new DefeatLedger(null, Map.of());

    public DefeatLedger {
        lastSequences = Collections.unmodifiableMap(new LinkedHashMap<>(lastSequences));
    }

    public boolean isStaleOrRepeated(DefeatEvent event) {
        Long last = lastSequences.get(event.defeatId());
        return last != null && event.sequence() <= last;
    }

    public DefeatLedger recording(DefeatEvent event, String newCause) {
        Map<String, Long> sequences = new LinkedHashMap<>(lastSequences);
        sequences.remove(event.defeatId());
        sequences.put(event.defeatId(), event.sequence());
        var oldest = sequences.keySet().iterator();
        while (sequences.size() > REMEMBERED) {
            String forgotten = oldest.next();
            if (!forgotten.equals(newCause)) {
                oldest.remove();
            }
        }
        return new DefeatLedger(newCause, sequences);
    }
}
