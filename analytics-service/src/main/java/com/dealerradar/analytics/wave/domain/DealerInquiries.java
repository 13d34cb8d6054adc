package com.dealerradar.analytics.wave.domain;

import java.util.Collection;
import java.util.List;

/**
 * One dealer's inquiries from one industry on one day: the dealer's share of an {@link InquiryDay}.
 * It is recomputed from the dealer's whole day of captures each time one arrives, so a redelivered
 * capture computes the same entry again. A dealer's day only ever gains captures, and the capture
 * fields it counts never change, so of two computations the one with more inquiries is the newer.
 *
 * @param moreOrganizations organizations beyond the {@value Organizations#MAX} named ones
 */
public record DealerInquiries(String dealerId, String region, long inquiries, long vehicles,
        List<OrganizationInquiries> organizations, long moreOrganizations) {

    public DealerInquiries {
        organizations = List.copyOf(organizations);
    }

    /** The entry of {@code inquiries}, all of one industry and one day at this dealer. */
    public static DealerInquiries of(String dealerId, String region, Collection<Inquiry> inquiries) {
        Organizations organizations = new Organizations();
        long vehicles = 0;
        for (Inquiry inquiry : inquiries) {
            vehicles += inquiry.vehicles();
            if (inquiry.organization() != null && !inquiry.organization().isBlank()) {
                organizations.add(inquiry.organization(), 1, inquiry.vehicles());
            }
        }
        return new DealerInquiries(dealerId, region, inquiries.size(), vehicles, organizations.named(),
                organizations.more());
    }

    boolean isNewerThan(DealerInquiries other) {
        return inquiries > other.inquiries;
    }
}
