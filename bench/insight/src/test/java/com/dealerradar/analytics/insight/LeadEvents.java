package com.dealerradar.analytics.insight;

import com.dealerradar.analytics.insight.GroupGenerator.Cell;
import com.dealerradar.analytics.insight.GroupGenerator.DataSet;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadWon;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A data set's leads as the events lead-service publishes: a capture, and a deal for the won ones. One
 * dealer per region, and leads on the 1st and 15th of each month, keep the dealer-days (and so the
 * cell recomputes) few; the industry view the radar reads does not depend on either.
 */
final class LeadEvents {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DataSet set;

    LeadEvents(DataSet set) {
        this.set = set;
    }

    static String dealerId(String region) {
        return "D-INS-" + region.toUpperCase();
    }

    List<List<EventEnvelope>> all() {
        Random random = new Random(set.index() * 7919L + 17);
        List<List<EventEnvelope>> leads = new ArrayList<>();
        int n = 0;
        for (Cell cell : set.cells()) {
            String region = GroupGenerator.REGIONS.get(cell.region());
            for (int k = 0; k < cell.leads(); k++) {
                leads.add(lead("INS" + set.year() + "-" + n++, region, cell.industry(), k, k < cell.won(), random));
            }
        }
        return leads;
    }

    private List<EventEnvelope> lead(String leadId, String region, String industry, int k, boolean won, Random random) {
        String dealerId = dealerId(region);
        LocalDate day = LocalDate.of(set.year(), 1 + random.nextInt(12), random.nextBoolean() ? 1 : 15);
        OffsetDateTime at = day.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60))).atZone(ZONE)
                .toOffsetDateTime();
        boolean organization = industry != null;
        LeadCaptured.Customer customer = new LeadCaptured.Customer(organization ? "ORGANIZATION" : "INDIVIDUAL",
                industry, organization ? industry + " " + region + " " + (k % 7) : null, null);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(new EventEnvelope("e-" + leadId + "-1", "/lead-service", EventTypes.LEAD_CAPTURED, leadId, at,
                dealerId, region, 1, EventJson.write(new LeadCaptured(leadId, dealerId, region, "crm-" + leadId, at,
                        "SHOWROOM", "A", true, "CS75 PLUS", dealerId + "-c1", customer, null))));
        if (won) {
            OffsetDateTime dealAt = at.plusDays(10);
            events.add(new EventEnvelope("e-" + leadId + "-2", "/lead-service", EventTypes.LEAD_WON, leadId, dealAt,
                    dealerId, region, 2, EventJson.write(new LeadWon(leadId, dealerId, region, dealAt, "CS75 PLUS", null))));
        }
        return events;
    }
}
