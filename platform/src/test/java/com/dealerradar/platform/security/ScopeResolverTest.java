package com.dealerradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.platform.problem.ApiProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ScopeResolverTest {

    private static final Caller HQ = new Caller("hq", Role.HQ, null, null);
    private static final Caller ADMIN = new Caller("admin", Role.ADMIN, null, null);
    private static final Caller MANAGER = new Caller("rm", Role.REGION_MANAGER, null, "Chifeng");
    private static final Caller DEALER = new Caller("d", Role.DEALER, "D-CF-01", "Chifeng");

    private final ScopeResolver scopes = new ScopeResolver(dealerId -> Mono.justOrEmpty(
            Map.of("D-CF-01", "Chifeng", "D-BT-01", "Baotou").get(dealerId)));

    @Test
    void withoutParametersEachRoleGetsItsOwnScope() {
        assertThat(scopes.resolve(HQ, null, null).block()).isEqualTo(ReadScope.GROUP);
        assertThat(scopes.resolve(ADMIN, null, null).block()).isEqualTo(ReadScope.GROUP);
        assertThat(scopes.resolve(MANAGER, null, null).block()).isEqualTo(ReadScope.region("Chifeng"));
        assertThat(scopes.resolve(DEALER, null, null).block()).isEqualTo(ReadScope.dealer("D-CF-01"));
    }

    @Test
    void aNamedDealerOrRegionInsideTheScopeIsThatScope() {
        assertThat(scopes.resolve(HQ, "D-BT-01", null).block()).isEqualTo(ReadScope.dealer("D-BT-01"));
        assertThat(scopes.resolve(HQ, "D-UNKNOWN", null).block()).isEqualTo(ReadScope.dealer("D-UNKNOWN"));
        assertThat(scopes.resolve(HQ, null, "Baotou").block()).isEqualTo(ReadScope.region("Baotou"));
        assertThat(scopes.resolve(MANAGER, "D-CF-01", null).block()).isEqualTo(ReadScope.dealer("D-CF-01"));
        assertThat(scopes.resolve(MANAGER, null, "Chifeng").block()).isEqualTo(ReadScope.region("Chifeng"));
        assertThat(scopes.resolve(DEALER, "D-CF-01", null).block()).isEqualTo(ReadScope.dealer("D-CF-01"));
    }

    @Test
    void outsideTheScopeIsForbiddenAndNamesWhat() {
        assertForbidden(scopes.resolve(MANAGER, "D-BT-01", null), "dealer D-BT-01 is outside this key's scope");
        // A dealer the directory copy does not know yet cannot be placed in the manager's region.
        assertForbidden(scopes.resolve(MANAGER, "D-UNKNOWN", null), "dealer D-UNKNOWN is outside this key's scope");
        assertForbidden(scopes.resolve(MANAGER, null, "Baotou"), "region Baotou is outside this key's scope");
        assertForbidden(scopes.resolve(DEALER, "D-CF-02", null), "dealer D-CF-02 is outside this key's scope");
        assertForbidden(scopes.resolve(DEALER, null, "Chifeng"), "region Chifeng is outside this key's scope");
    }

    @Test
    void namingBothIsAClientMistakeOnTheRegionField() {
        assertThatThrownBy(() -> scopes.resolve(HQ, "D-CF-01", "Chifeng").block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.kind().status()).isEqualTo(400);
                    assertThat(problem.errors()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("region"));
                });
    }

    private static void assertForbidden(Mono<ReadScope> resolved, String detail) {
        assertThatThrownBy(resolved::block).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.kind().status()).isEqualTo(403);
            assertThat(problem.getMessage()).isEqualTo(detail);
        });
    }
}
