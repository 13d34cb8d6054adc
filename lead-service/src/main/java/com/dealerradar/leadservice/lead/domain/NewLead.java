package com.dealerradar.leadservice.lead.domain;

import com.dealerradar.platform.idempotency.Fingerprint;
import com.dealerradar.platform.problem.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A lead as a dealer system reports it, before it has an id; {@code vehicles}: how many it asks about (1 to 500). */
public record NewLead(
        String dealerId,
        String externalRef,
        OffsetDateTime occurredAt,
        Channel channel,
        Grade grade,
        boolean contactRetained,
        String model,
        String consultant,
        CustomerKind customerKind,
        String customerName,
        String phone,
        Industry industry,
        String organization,
        int vehicles) {

    /** How far ahead of our clock a dealer system's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The rules that span fields; single-field rules are checked where the request is read. */
    public List<Violation> violations(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (occurredAt != null && occurredAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("occurredAt", "must not be in the future"));
        }
        if (vehicles < 1 || vehicles > Lead.MAX_VEHICLES) {
            violations.add(new Violation("vehicles", "must be between 1 and " + Lead.MAX_VEHICLES));
        }
        if (customerKind == CustomerKind.INDIVIDUAL && industry != null) {
            violations.add(new Violation("customer.industry", "an individual has no industry"));
        }
        if (customerKind == CustomerKind.ORGANIZATION && (customerName == null || customerName.isBlank())) {
            violations.add(new Violation("customer.name", "an organization needs a name"));
        }
        if (phone != null && PhoneNumber.normalize(phone).isEmpty()) {
            violations.add(new Violation("customer.phone",
                    "must be a valid mobile or fixed-line number (with +country code, or Chinese without)"));
        }
        return violations;
    }

    /**
     * The id of the lead this report creates, derived from {@code (dealerId, externalRef)}: the same
     * report always names the same lead, so the store's {@code _id} key alone makes capture idempotent
     * and a batch finds its taken refs with one {@code _id $in} read. A name-based UUID, the same format
     * as before.
     */
    public String leadId() {
        return UUID.nameUUIDFromBytes((dealerId + '\u0001' + externalRef).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Identifies what was reported, so that a re-post with the same {@code externalRef} can be told
     * apart as a harmless retry (same content) or a conflict (different content).
     */
    public String fingerprint() {
        List<Object> parts = new ArrayList<>(Arrays.asList(dealerId, externalRef,
                occurredAt == null ? "" : occurredAt.toInstant(), channel, grade, contactRetained, model,
                consultant, customerKind, customerName,
                phone == null ? "" : PhoneNumber.normalize(phone).map(PhoneNumber.Normalized::e164).orElse(phone),
                industry, organization));
        if (vehicles != 1) {
            parts.add(vehicles);
        }
        return Fingerprint.of(parts);
    }
}
