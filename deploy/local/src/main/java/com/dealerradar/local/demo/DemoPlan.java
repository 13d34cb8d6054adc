package com.dealerradar.local.demo;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the demo loader posts: a dealer group and, for each lead, everything that happens to it. */
record DemoPlan(List<Dealer> dealers, List<Lead> leads, List<Spend> spends, Situations situations) {

    record Dealer(String dealerId, String name, String region, String brand) {}

    record Customer(String kind, String name, String phone, String industry, String organization) {}

    record Lead(String externalRef, Dealer dealer, Instant occurredAt, String channel, String grade, boolean kept,
            String model, String consultant, Customer customer, int vehicles, Invalid invalid,
            List<FollowUp> followUps, Deal deal, Defeat defeat) {}

    record Invalid(Instant at, String reason) {}

    record FollowUp(String externalRef, Instant at, String type, String outcome, String consultant) {}

    record Deal(Instant at, String model, long price, int vehicles) {}

    record Defeat(String externalRef, Instant at, String kind, String subtype, List<String> reasons,
            String competitorBrand, String competitorModel, String sameGroupDealerId, String reportedBy,
            Callback callback) {}

    record Callback(Instant at, String outcome, List<String> actualReasons, String boughtBrand, String boughtModel,
            Map<String, Integer> ratings, String by) {}

    record Spend(String dealerId, YearMonth month, long total, Map<String, Long> byChannel) {}

    /** The planted stories, named so that the loader can print where to look for them. */
    record Situations(String untouchedRegion, String untouchedIndustry, List<String> powerWaveRegions,
            String falseDefeatDealer, String expensiveChannel) {}
}
