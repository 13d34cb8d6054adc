package com.dealerradar.analytics.wave.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The inquiries of one industry on one day across the group, one entry per dealer that had some.
 * Bounded by the number of dealers, whatever the number of leads.
 */
public record InquiryDay(String industry, LocalDate day, List<DealerInquiries> dealers) {

    public InquiryDay {
        dealers = List.copyOf(dealers);
    }

    public static InquiryDay empty(String industry, LocalDate day) {
        return new InquiryDay(industry, day, List.of());
    }

    /** The key the day is stored and read under. */
    public static String id(String industry, LocalDate day) {
        return industry + "|" + day;
    }

    public String id() {
        return id(industry, day);
    }

    /**
     * The day with the dealer's entry replaced by {@code entry}, or empty when the day already holds an
     * entry for that dealer at least as new (a redelivered or an older computation changes nothing).
     */
    public Optional<InquiryDay> with(DealerInquiries entry) {
        List<DealerInquiries> next = new ArrayList<>();
        for (DealerInquiries held : dealers) {
            if (held.dealerId().equals(entry.dealerId())) {
                if (!entry.isNewerThan(held)) {
                    return Optional.empty();
                }
            } else {
                next.add(held);
            }
        }
        next.add(entry);
        next.sort(Comparator.comparing(DealerInquiries::dealerId));
        return Optional.of(new InquiryDay(industry, day, next));
    }
}
