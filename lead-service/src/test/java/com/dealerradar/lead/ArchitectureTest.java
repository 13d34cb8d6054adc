package com.dealerradar.lead;

import com.dealerradar.testkit.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theDomainIsPlainJava() {
        DomainPurity.check("com.dealerradar.lead");
    }
}
