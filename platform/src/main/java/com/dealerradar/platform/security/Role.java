package com.dealerradar.platform.security;

/** What an API key may do; see api.md "Conventions". */
public enum Role {
    ADMIN,
    HQ,
    REGION_MANAGER,
    DEALER;

    public boolean seesWholeGroup() {
        return this == ADMIN || this == HQ;
    }
}
