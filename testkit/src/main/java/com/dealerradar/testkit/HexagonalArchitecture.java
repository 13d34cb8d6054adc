package com.dealerradar.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The one rule set every service keeps, ports and adapters: {@code domain} ← {@code application} ←
 * {@code adapter}. The domain is plain Java. The application talks to ports (its own interfaces)
 * and knows no web, store or broker type; only adapters implement the ports with those frameworks.
 * Every layer must exist, so a misspelt package fails instead of passing on nothing.
 */
public final class HexagonalArchitecture {

    private static final String[] FRAMEWORKS_OUTSIDE_THE_CORE = {
            "org.springframework.web..", "org.springframework.http..", "org.springframework.data..",
            "org.springframework.dao..", "org.springframework.kafka..", "org.bson..", "com.mongodb..",
            "org.apache.kafka..", "io.cloudevents..", "tools.jackson..", "com.fasterxml.jackson..",
            "com.dealerradar.platform.web.."};

    private HexagonalArchitecture() {}

    /** Checks the main classes of the service rooted at {@code servicePackage}; throws {@link AssertionError} on a breach. */
    public static void check(String servicePackage) {
        rules(servicePackage).check(mainClassesOf(servicePackage));
    }

    public static JavaClasses mainClassesOf(String servicePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    public static ArchRule rules(String servicePackage) {
        String root = servicePackage + "..";
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy(root + "domain..")
                .layer("application").definedBy(root + "application..")
                .layer("adapter").definedBy(root + "adapter..")
                .whereLayer("adapter").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("adapter")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapter");
        ArchRule plainDomain = noClasses().that().resideInAPackage(root + "domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_OUTSIDE_THE_CORE)
                .because("the domain's rules are plain Java, read and tested without any framework");
        ArchRule applicationTalksToPorts = noClasses().that().resideInAPackage(root + "application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_OUTSIDE_THE_CORE)
                .because("use cases talk to ports; only adapters know the web, the store and the broker");
        return CompositeArchRule.of(layers).and(plainDomain).and(applicationTalksToPorts);
    }
}
