package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@RadarInfrastructure
class RadarInfrastructureExtensionTest {

    @Test
    void injectsTheRunningSharedInfrastructure(SharedInfrastructure infrastructure, EmbeddedKafka kafka,
            EmbeddedMongo mongo) {
        assertThat(kafka).isSameAs(infrastructure.kafka());
        assertThat(mongo).isSameAs(infrastructure.mongo());
        assertThat(kafka.isRunning()).isTrue();
        assertThat(mongo.isRunning()).isTrue();
    }

    @Test
    void givesEachTestClassItsOwnStableNamespace(Namespace namespace) {
        Namespace other = RadarInfrastructureExtension.namespaceFor(AnotherTestClass.class);

        assertThat(namespace).isEqualTo(RadarInfrastructureExtension.namespaceFor(getClass()));
        assertThat(namespace.id()).matches("t[0-9a-f]{8}\\d+");
        assertThat(other.id()).isNotEqualTo(namespace.id());
        assertThat(other.database()).isNotEqualTo(namespace.database());
        assertThat(other.topicPrefix()).isNotEqualTo(namespace.topicPrefix());
    }

    @Nested
    class InsideANestedClass {

        @Test
        void sharesTheOuterClassNamespace(Namespace namespace) {
            assertThat(namespace).isEqualTo(RadarInfrastructureExtension.namespaceFor(RadarInfrastructureExtensionTest.class));
        }
    }

    static class AnotherTestClass {
    }
}
