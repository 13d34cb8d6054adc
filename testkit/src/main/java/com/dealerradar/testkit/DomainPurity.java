package com.dealerradar.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rule every service keeps: domain packages are plain Java. They may not touch
 * Spring, MongoDB, Kafka, CloudEvents, Jackson or the service's own adapters and application layer.
 */
public final class DomainPurity {

    private DomainPurity() {}

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        ArchRule rule = noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                        "io.cloudevents..", "tools.jackson..", "com.fasterxml.jackson..", "reactor..",
                        "..adapter..", "..application..")
                .allowEmptyShould(true);
        rule.check(classes);
    }
}
