package com.dealerradar.analytics.wave.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A region's inquiries in a wave: its dealers' entries summed.
 *
 * @param moreOrganizations organizations beyond the named ones; one that asked at two dealers, each of
 *                          which had already left it out, counts twice
 */
public record RegionInquiries(String region, long inquiries, long vehicles, List<OrganizationInquiries> organizations,
        long moreOrganizations) {

    /** The region that asked for the most vehicles first. */
    public static final Comparator<RegionInquiries> LARGEST_FIRST = Comparator
            .comparingLong(RegionInquiries::vehicles).reversed()
            .thenComparing(Comparator.comparingLong(RegionInquiries::inquiries).reversed())
            .thenComparing(RegionInquiries::region);

    public RegionInquiries {
        organizations = List.copyOf(organizations);
    }

    static RegionInquiries sum(String region, Collection<DealerInquiries> dealers) {
        Organizations organizations = new Organizations();
        long inquiries = 0;
        long vehicles = 0;
        for (DealerInquiries dealer : dealers) {
            inquiries += dealer.inquiries();
            vehicles += dealer.vehicles();
            organizations.addAll(dealer.organizations());
            organizations.addUnnamed(dealer.moreOrganizations());
        }
        return new RegionInquiries(region, inquiries, vehicles, organizations.named(), organizations.more());
    }
}
