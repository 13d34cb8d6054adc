package com.dealerradar.followupservice;

import com.dealerradar.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/** Ports and adapters: the domain is plain Java, use cases talk to ports, only adapters know the frameworks. */
class ArchitectureTest {

    @Test
    void keepsPortsAndAdapters() {
        HexagonalArchitecture.check("com.dealerradar.followupservice");
    }
}
