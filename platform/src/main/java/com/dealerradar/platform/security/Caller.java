package com.dealerradar.platform.security;

import java.util.Objects;

/**
 * Who is calling, as the gateway vouched for it in the internal token. A REGION_MANAGER is bound to
 * one region, a DEALER to one dealer (and that dealer's region).
 */
public record Caller(String keyId, Role role, String dealerId, String region) {

    public Caller {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** May this caller read data of the given dealer, which sits in the given region? */
    public boolean canRead(String dealerId, String dealerRegion) {
        return switch (role) {
            case ADMIN, HQ -> true;
            case REGION_MANAGER -> Objects.equals(region, dealerRegion);
            case DEALER -> Objects.equals(this.dealerId, dealerId);
        };
    }

    /** May this caller write a dealer's own records (leads, follow-ups, defeat reports)? */
    public boolean canWriteFor(String dealerId) {
        return role == Role.ADMIN || (role == Role.DEALER && Objects.equals(this.dealerId, dealerId));
    }

    /** May this caller read a whole region (all of its dealers)? */
    public boolean canReadRegion(String wantedRegion) {
        return switch (role) {
            case ADMIN, HQ -> true;
            case REGION_MANAGER -> Objects.equals(region, wantedRegion);
            case DEALER -> false;
        };
    }
}
