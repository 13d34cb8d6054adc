package com.dealerradar.analytics.wave.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Organizations summed by name and capped: the {@link #MAX} largest are named, the others only
 * counted, so that no document or answer grows with the number of organizations that asked.
 */
final class Organizations {

    static final int MAX = 10;

    private final Map<String, OrganizationInquiries> byName = new TreeMap<>();
    private long unnamedBeyondCap;

    void add(String name, long inquiries, long vehicles) {
        byName.merge(name, new OrganizationInquiries(name, inquiries, vehicles),
                (a, b) -> a.plus(b.inquiries(), b.vehicles()));
    }

    void addAll(Collection<OrganizationInquiries> organizations) {
        organizations.forEach(o -> add(o.name(), o.inquiries(), o.vehicles()));
    }

    /** Organizations a capped list already left out (they cannot be told apart any more). */
    void addUnnamed(long count) {
        unnamedBeyondCap += count;
    }

    List<OrganizationInquiries> named() {
        return byName.values().stream().sorted(OrganizationInquiries.LARGEST_FIRST).limit(MAX).toList();
    }

    long more() {
        return Math.max(0, byName.size() - MAX) + unnamedBeyondCap;
    }
}
