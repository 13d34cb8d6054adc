package com.dealerradar.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.testkit.HexagonalArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rule set every service runs, checked against fixtures that keep it and break it. */
class HexagonalArchitectureTest {

    private static final String FIXTURES = "com.dealerradar.testkit.architecture.";

    @Test
    void aServiceThatTalksToPortsPasses() {
        assertThatCode(() -> check("good")).doesNotThrowAnyException();
    }

    @Test
    void aUseCaseThatReachesIntoAnAdapterFails() {
        assertThatThrownBy(() -> check("bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("QuotePrice")
                .hasMessageContaining("StoredPrices");
    }

    @Test
    void aMisspeltServicePackageFailsInsteadOfPassingOnNothing() {
        assertThatThrownBy(() -> check("gooood")).isInstanceOf(AssertionError.class);
    }

    private static void check(String fixture) {
        // The fixtures are test classes, which the services' own check leaves out on purpose.
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + fixture);
        HexagonalArchitecture.rules(FIXTURES + fixture).check(classes);
    }
}
