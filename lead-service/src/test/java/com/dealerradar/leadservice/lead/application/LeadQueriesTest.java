package com.dealerradar.leadservice.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.dealerradar.leadservice.directory.application.DealerScope;
import com.dealerradar.leadservice.directory.application.Dealers;
import com.dealerradar.leadservice.directory.application.Directory;
import com.dealerradar.leadservice.directory.domain.Dealer;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.paging.Paging;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's scope and the filter become one selection of leads, or a 403 before anything is read. */
class LeadQueriesTest {

    private static final LeadFilter NO_FILTER = new LeadFilter(null, null, null, null, null, null, null, null);

    private final SelectedLeads leads = new SelectedLeads();
    private final LeadQueries queries = new LeadQueries(leads, new Directory(new KnownDealers(Map.of(
            "D-1", new Dealer("D-1", "One", "Chifeng", null),
            "D-2", new Dealer("D-2", "Two", "Chifeng", null),
            "D-3", new Dealer("D-3", "Three", "Alxa", null))), Clock.systemUTC()), ZoneId.of("Asia/Shanghai"));

    @Test
    void aDealerReadsItsOwnDealerOnly() {
        list(new Caller("k", Role.DEALER, "D-1", null), filter("D-1", null));
        list(new Caller("k", Role.DEALER, "D-1", null), NO_FILTER);

        assertThat(leads.selections).extracting(LeadSelection::dealerId).containsExactly("D-1", "D-1");
        assertThatThrownBy(() -> list(new Caller("k", Role.DEALER, "D-1", null), filter("D-2", null)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.kind()).isEqualTo(ApiProblem.Kind.FORBIDDEN));
    }

    @Test
    void aRegionManagerReadsItsRegionAndTheDealersInIt() {
        Caller manager = new Caller("k", Role.REGION_MANAGER, null, "Chifeng");
        list(manager, NO_FILTER);
        list(manager, filter("D-2", null));

        assertThat(leads.selections).extracting(LeadSelection::dealerId, LeadSelection::region)
                .containsExactly(tuple(null, "Chifeng"),
                        tuple("D-2", "Chifeng"));
        assertThatThrownBy(() -> list(manager, filter("D-3", null))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> list(manager, filter(null, "Alxa"))).isInstanceOf(ApiProblem.class);
        assertThat(leads.selections).hasSize(2);
    }

    @Test
    void theGroupReadsWhatTheFilterNames() {
        list(new Caller("k", Role.HQ, null, null),
                new LeadFilter(null, "Alxa", null, Grade.A, null, null, null, null));

        assertThat(leads.selections).containsExactly(
                new LeadSelection(null, "Alxa", null, Grade.A, null, null, null, null));
    }

    @Test
    void fromAndToAreWholeDaysInTheGroupsZone() {
        LocalDate day = LocalDate.parse("2026-11-03");
        list(new Caller("k", Role.ADMIN, null, null),
                new LeadFilter(null, null, null, null, null, null, day, day));

        assertThat(leads.selections.get(0).from()).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
        assertThat(leads.selections.get(0).until()).isEqualTo(Instant.parse("2026-11-03T16:00:00Z"));
    }

    private void list(Caller caller, LeadFilter filter) {
        queries.list(caller, filter, Paging.of(null, null)).block();
    }

    private static LeadFilter filter(String dealerId, String region) {
        return new LeadFilter(dealerId, region, null, null, null, null, null, null);
    }

    /** Remembers the selections asked for and finds no lead. */
    private static final class SelectedLeads implements Leads {

        final List<LeadSelection> selections = new ArrayList<>();

        @Override
        public Flux<Lead> list(LeadSelection selection, long skip, int limit) {
            selections.add(selection);
            return Flux.empty();
        }

        @Override
        public Mono<Long> count(LeadSelection selection) {
            return Mono.just(0L);
        }

        @Override
        public Mono<Boolean> insert(Lead lead, List<OutboxEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Set<Integer>> insertAll(List<Lead> leads, List<OutboxEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> update(Lead after, long expectedVersion, List<OutboxEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Lead> find(String leadId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Lead> findByExternalRef(String dealerId, String externalRef) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Lead> findAll(Collection<String> leadIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Lead> findOpenByPhoneHashes(Collection<String> phoneHashes) {
            throw new UnsupportedOperationException();
        }
    }

    /** A directory that is only read. */
    private record KnownDealers(Map<String, Dealer> byId) implements Dealers {

        @Override
        public Mono<Dealer> find(String dealerId) {
            return Mono.justOrEmpty(byId.get(dealerId));
        }

        @Override
        public Mono<Boolean> add(Dealer dealer, OutboxEvent registered) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Dealer> list(DealerScope scope, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Long> count(DealerScope scope) {
            throw new UnsupportedOperationException();
        }
    }
}
