package com.dealerradar.leadservice.lead.domain;

import static com.dealerradar.leadservice.lead.domain.Leads.CAPTURED_AT;
import static com.dealerradar.leadservice.lead.domain.Leads.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of commands and defeat events, fresh, repeated and stale, against the lead and
 * against a reference model of the rules written here independently: after every step the lead's
 * status, version and acceptance must equal the model's.
 */
class LeadStatusPropertyTest {

    private static final long SEED = 20261126L;
    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 40;
    private static final List<String> DEFEATS = List.of("d1", "d2", "d3");
    private static final OffsetDateTime AT = CAPTURED_AT.plusDays(1);

    /** The rules of api.md and domain.md, as plainly as they can be written. */
    private static final class Rules {
        String status = "OPEN";
        String cause;
        long version = 1;
        boolean contactRetained;
        final Map<String, Long> lastSequence = new HashMap<>();
        final Set<String> applied = new HashSet<>();

        boolean command(String command) {
            boolean stillWorked = status.equals("OPEN") || status.equals("AT_RISK");
            switch (command) {
                case "deal" -> {
                    if (!stillWorked) {
                        return false;
                    }
                    status = "WON";
                    version++;
                }
                case "invalid" -> {
                    if (!status.equals("OPEN")) {
                        return false;
                    }
                    status = "INVALID";
                    version++;
                }
                case "grade" -> {
                    if (!stillWorked) {
                        return false;
                    }
                    version++;
                }
                default -> {
                    if (!stillWorked) {
                        return false;
                    }
                    if (!contactRetained) {
                        contactRetained = true;
                        version++;
                    }
                }
            }
            return true;
        }

        void defeat(Delivery d) {
            if (applied.contains(d.eventId) || d.sequence <= lastSequence.getOrDefault(d.defeatId, 0L)) {
                return;
            }
            applied.add(d.eventId);
            lastSequence.put(d.defeatId, d.sequence);
            if (d.kind == null) {
                if ((status.equals("AT_RISK") || status.equals("DEFEATED")) && d.defeatId.equals(cause)) {
                    status = "OPEN";
                    cause = null;
                    version++;
                }
            } else if (status.equals("OPEN")) {
                status = d.kind.name();
                cause = d.defeatId;
                version++;
            } else if (status.equals("AT_RISK") && d.kind == DefeatKind.DEFEATED) {
                status = "DEFEATED";
                cause = d.defeatId;
                version++;
            }
        }
    }

    /** A defeat event as delivered; {@code kind} null means reversed. */
    private record Delivery(String eventId, String defeatId, long sequence, DefeatKind kind) {}

    @Test
    void theStoredStatusIsAlwaysTheOneTheRulesGive() {
        Random random = new Random(SEED);
        Map<String, Integer> seen = new HashMap<>();
        for (int s = 0; s < SEQUENCES; s++) {
            Lead lead = Leads.open();
            Rules rules = new Rules();
            Map<String, Long> nextSequence = new HashMap<>();
            List<Delivery> delivered = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                int roll = random.nextInt(100);
                if (roll < 30) {
                    String command = List.of("grade", "contact", "deal", "invalid").get(random.nextInt(4));
                    boolean accepted;
                    try {
                        lead = apply(lead, command);
                        accepted = true;
                    } catch (IllegalTransition e) {
                        assertThat(e.current()).isEqualTo(lead.status());
                        accepted = false;
                    }
                    assertThat(accepted).as("%s accepted in %s", command, rules.status).isEqualTo(rules.command(command));
                    seen.merge(command + (accepted ? "+" : "-"), 1, Integer::sum);
                } else {
                    Delivery delivery = roll < 80 || delivered.isEmpty()
                            ? fresh(random, nextSequence)
                            : delivered.get(random.nextInt(delivered.size()));
                    delivered.add(delivery);
                    lead = deliver(lead, delivery);
                    rules.defeat(delivery);
                    seen.merge(delivery.kind == null ? "reversed" : "confirmed", 1, Integer::sum);
                }
                assertThat(lead.status().name()).as("sequence %d step %d", s, step).isEqualTo(rules.status);
                assertThat(lead.version()).isEqualTo(rules.version);
                assertThat(lead.defeats().cause()).isEqualTo(rules.cause);
            }
            seen.merge("ended " + lead.status(), 1, Integer::sum);
        }
        assertThat(seen).containsKeys("deal+", "deal-", "invalid+", "invalid-", "grade+", "grade-",
                "ended OPEN", "ended WON", "ended INVALID", "ended AT_RISK", "ended DEFEATED");
    }

    private static Delivery fresh(Random random, Map<String, Long> nextSequence) {
        String defeatId = DEFEATS.get(random.nextInt(DEFEATS.size()));
        // A defeat's version moves on with reports and callbacks too: sequences have gaps.
        long sequence = nextSequence.merge(defeatId, 1L + random.nextInt(3), Long::sum);
        DefeatKind kind = switch (random.nextInt(3)) {
            case 0 -> DefeatKind.AT_RISK;
            case 1 -> DefeatKind.DEFEATED;
            default -> null;
        };
        return new Delivery(defeatId + "@" + sequence, defeatId, sequence, kind);
    }

    private static Lead deliver(Lead lead, Delivery d) {
        DefeatEvent event = new DefeatEvent(d.eventId, d.defeatId, d.sequence, AT);
        return d.kind == null ? lead.defeatReversed(event) : lead.defeatConfirmed(event, d.kind);
    }

    private static Lead apply(Lead lead, String command) {
        return switch (command) {
            case "grade" -> lead.graded(lead.grade() == Grade.H ? Grade.A : Grade.H, AT, NOW);
            case "contact" -> lead.contactObtained(AT, NOW);
            case "deal" -> lead.won(AT, "CS75", null, 1, NOW);
            default -> lead.invalidated(InvalidReason.OTHER, AT, NOW);
        };
    }
}
