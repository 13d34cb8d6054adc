package com.dealerradar.defeat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of lost sales stay plain Java: no framework, store or broker types in any domain package. */
class DomainIsPlainJavaTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.dealerradar.defeat");

    @Test
    void domainPackagesDependOnNoFramework() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..", "io.cloudevents..", "reactor..", "tools.jackson..",
                        "com.dealerradar.platform..", "com.dealerradar.events..")
                .check(CLASSES);
    }
}
