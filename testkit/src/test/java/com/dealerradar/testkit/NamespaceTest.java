package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Test;

class NamespaceTest {

    @Test
    void classesMarkedWithOneComposedAnnotationShareItsNamespace() {
        assertThat(Namespace.of(FirstSharing.class)).isEqualTo(Namespace.of(SecondSharing.class));
        assertThat(Namespace.owner(FirstSharing.class)).isEqualTo(Shared.class);
    }

    @Test
    void aClassDeclaringTheAnnotationItselfKeepsANamespaceOfItsOwn() {
        assertThat(Namespace.of(OnItsOwn.class)).isNotEqualTo(Namespace.of(FirstSharing.class))
                .isNotEqualTo(Namespace.of(AlsoOnItsOwn.class));
        assertThat(Namespace.owner(OnItsOwn.class)).isEqualTo(OnItsOwn.class);
    }

    @Retention(RetentionPolicy.RUNTIME)
    @RadarInfrastructure
    @interface Shared {
    }

    @Shared
    static class FirstSharing {
    }

    @Shared
    static class SecondSharing {
    }

    @RadarInfrastructure
    static class OnItsOwn {
    }

    @RadarInfrastructure
    static class AlsoOnItsOwn {
    }
}
