package com.dealerradar.analytics.wave.domain;

import java.util.Comparator;

/** One organization's inquiries and the vehicles they asked about. */
public record OrganizationInquiries(String name, long inquiries, long vehicles) {

    /** Bulk buyers first: the most vehicles, then the most inquiries, then by name. */
    public static final Comparator<OrganizationInquiries> LARGEST_FIRST = Comparator
            .comparingLong(OrganizationInquiries::vehicles).reversed()
            .thenComparing(Comparator.comparingLong(OrganizationInquiries::inquiries).reversed())
            .thenComparing(OrganizationInquiries::name);

    OrganizationInquiries plus(long moreInquiries, long moreVehicles) {
        return new OrganizationInquiries(name, inquiries + moreInquiries, vehicles + moreVehicles);
    }
}
