package com.dealerradar.leadservice;

import com.dealerradar.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void portsAndAdaptersHold() {
        HexagonalArchitecture.check("com.dealerradar.leadservice");
    }
}
