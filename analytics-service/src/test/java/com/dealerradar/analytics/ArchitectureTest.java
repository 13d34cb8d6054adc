package com.dealerradar.analytics;

import com.dealerradar.testkit.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theDomainIsPlainJava() {
        DomainPurity.check("com.dealerradar.analytics");
    }
}
