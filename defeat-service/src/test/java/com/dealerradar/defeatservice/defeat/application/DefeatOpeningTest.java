package com.dealerradar.defeatservice.defeat.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.defeatservice.defeat.application.DefeatOpening.Outcome;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.leadview.application.KnownLeads;
import com.dealerradar.defeatservice.leadview.domain.KnownLead;
import com.dealerradar.defeatservice.leadview.domain.LeadStatus;
import com.dealerradar.platform.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The opening protocol (claim, insert, complete) against in-memory ports: no lead ever holds two unsettled defeats. */
class DefeatOpeningTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final Set<LeadStatus> REPORTABLE = LeadStatus.acceptingReports();

    private final InMemoryLeads leads = new InMemoryLeads();
    private final InMemoryDefeats defeats = new InMemoryDefeats();
    private final DefeatOpening opening = new DefeatOpening(leads, leads, defeats, defeats, defeats,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFreeLeadTakesTheDefeatAndKeepsOnlyItsMarker() {
        leads.lead("L-1", LeadStatus.OPEN);
        Defeat defeat = defeat("DF-1", "L-1", "ref-1");

        assertThat(opening.open(defeat, List.of(), REPORTABLE).block()).isEqualTo(Outcome.OPENED);

        assertThat(defeats.stored).containsKey("DF-1");
        assertThat(leads.marker("L-1")).isEqualTo("DF-1");
        assertThat(leads.parked).isEmpty();
        assertThat(leads.openings).isEmpty();
        assertThat(defeats.listed).containsExactly("DF-1");
        assertThat(defeats.published).containsExactly("DF-1");
    }

    @Test
    void aClosedOrUnknownLeadTakesNone() {
        leads.lead("L-won", LeadStatus.WON);

        assertThat(opening.open(defeat("DF-1", "L-won", "ref-1"), List.of(), REPORTABLE).block())
                .isEqualTo(Outcome.LEAD_CLOSED);
        assertThat(opening.open(defeat("DF-2", "L-unknown", "ref-2"), List.of(), REPORTABLE).block())
                .isEqualTo(Outcome.LEAD_UNKNOWN);
        assertThat(defeats.stored).isEmpty();
        assertThat(leads.openings).isEmpty();
    }

    @Test
    void aLeadWithAnUnsettledDefeatTakesNoSecond() {
        leads.lead("L-1", LeadStatus.OPEN);
        opening.open(defeat("DF-1", "L-1", "ref-1"), List.of(), REPORTABLE).block();

        assertThat(opening.open(defeat("DF-2", "L-1", "ref-2"), List.of(), REPORTABLE).block())
                .isEqualTo(Outcome.DEFEAT_OPEN);
        assertThat(defeats.stored).containsOnlyKeys("DF-1");
        assertThat(leads.marker("L-1")).isEqualTo("DF-1");
        assertThat(leads.openings).isEmpty();
    }

    @Test
    void aDefeatStaysListedWhenAReaderDroppedItsEntryWhileItWasBeingInserted() {
        leads.lead("L-1", LeadStatus.OPEN);
        // A reader of the list finds the entry before the defeat is stored, takes it for stale, drops it.
        defeats.beforeInsert = () -> defeats.listed.removeIf(id -> !defeats.stored.containsKey(id));

        assertThat(opening.open(defeat("DF-1", "L-1", "ref-1"), List.of(), REPORTABLE).block())
                .isEqualTo(Outcome.OPENED);
        assertThat(defeats.listed).containsExactly("DF-1");
    }

    @Test
    void aMarkerNamingAMissingDefeatIsClearedAndTheClaimTriedAgain() {
        leads.lead("L-1", LeadStatus.OPEN);
        leads.mark("L-1", "DF-never-inserted");

        assertThat(opening.open(defeat("DF-1", "L-1", "ref-1"), List.of(), REPORTABLE).block())
                .isEqualTo(Outcome.OPENED);
        assertThat(leads.marker("L-1")).isEqualTo("DF-1");
    }

    @Test
    void aRefTakenByAnotherDefeatReleasesTheLead() {
        leads.lead("L-1", LeadStatus.OPEN);
        leads.lead("L-2", LeadStatus.OPEN);
        opening.open(defeat("DF-1", "L-1", "same-ref"), List.of(), REPORTABLE).block();

        assertThat(opening.open(defeat("DF-2", "L-2", "same-ref"), List.of(), REPORTABLE).block())
                .isEqualTo(Outcome.EXTERNAL_REF_TAKEN);
        assertThat(leads.marker("L-2")).isNull();
        assertThat(leads.openings).isEmpty();
    }

    @Test
    void anOpeningInterruptedAfterItsClaimIsCompletedByTheSweep() {
        leads.lead("L-1", LeadStatus.OPEN);
        Defeat defeat = defeat("DF-1", "L-1", "ref-1");
        leads.claim(new PendingDefeat(defeat, List.of()), REPORTABLE, NOW.minusSeconds(60)).block();

        assertThat(opening.completeInterrupted(Duration.ofSeconds(10), 100).block()).isEqualTo(1L);

        assertThat(defeats.stored).containsKey("DF-1");
        assertThat(leads.marker("L-1")).isEqualTo("DF-1");
        assertThat(leads.parked).isEmpty();
        assertThat(leads.openings).isEmpty();
    }

    private static Defeat defeat(String defeatId, String leadId, String externalRef) {
        return Defeat.report(defeatId, "D-1", "Chifeng", new NewDefeat(leadId, externalRef,
                OffsetDateTime.parse("2026-11-20T18:00:00+08:00"), DefeatKind.AT_RISK, DefeatSubtype.GAVE_UP,
                List.of(), null, null, null, null, null), Duration.ofHours(48), NOW);
    }

    /** The lead view with its claims, as the stores keep them, in maps. */
    private static final class InMemoryLeads implements KnownLeads, LeadClaims {

        final Map<String, KnownLead> leads = new HashMap<>();
        final Map<String, PendingDefeat> parked = new HashMap<>();
        final Map<String, OpeningUnderWay> openings = new HashMap<>();
        final Map<String, Instant> claimedAt = new HashMap<>();

        void lead(String leadId, LeadStatus status) {
            leads.put(leadId, new KnownLead(leadId, "D-1", "Chifeng", status, 1, null));
        }

        void mark(String leadId, String defeatId) {
            KnownLead l = leads.get(leadId);
            leads.put(leadId, new KnownLead(l.leadId(), l.dealerId(), l.region(), l.status(), l.version(), defeatId));
        }

        String marker(String leadId) {
            return leads.get(leadId).openDefeatId();
        }

        @Override
        public Mono<KnownLead> find(String leadId) {
            return Mono.justOrEmpty(leads.get(leadId));
        }

        @Override
        public Mono<Boolean> claim(PendingDefeat pending, Set<LeadStatus> allowed, Instant now) {
            String leadId = pending.defeat().leadId();
            String defeatId = pending.defeat().defeatId();
            openings.put(defeatId, new OpeningUnderWay(leadId, defeatId));
            claimedAt.putIfAbsent(defeatId, now);
            KnownLead lead = leads.get(leadId);
            if (lead == null || lead.openDefeatId() != null || !allowed.contains(lead.status())) {
                return Mono.just(false);
            }
            mark(leadId, defeatId);
            parked.put(leadId, pending);
            return Mono.just(true);
        }

        @Override
        public Mono<PendingOpening> findPendingOpening(String leadId) {
            return Mono.justOrEmpty(parked.get(leadId)).map(pending -> new PendingOpening(leadId, pending));
        }

        @Override
        public Mono<Void> openingOver(String defeatId) {
            return Mono.fromRunnable(() -> {
                openings.remove(defeatId);
                claimedAt.remove(defeatId);
            });
        }

        @Override
        public Mono<Void> completeClaim(String leadId, String defeatId) {
            return Mono.fromRunnable(() -> {
                if (markedWith(leadId, defeatId)) {
                    parked.remove(leadId);
                }
            }).then(openingOver(defeatId));
        }

        @Override
        public Mono<Void> release(String leadId, String defeatId) {
            return Mono.fromRunnable(() -> {
                if (markedWith(leadId, defeatId)) {
                    mark(leadId, null);
                    parked.remove(leadId);
                }
            }).then(openingOver(defeatId));
        }

        private boolean markedWith(String leadId, String defeatId) {
            return leads.containsKey(leadId) && defeatId.equals(marker(leadId));
        }

        @Override
        public Flux<OpeningUnderWay> openingsUnderWay(Instant before, int limit) {
            return Flux.fromIterable(List.copyOf(openings.values()))
                    .filter(o -> claimedAt.get(o.defeatId()).isBefore(before))
                    .take(limit);
        }

        @Override
        public Mono<Void> apply(String leadId, String dealerId, String region, LeadStatus status, long version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> introduce(String leadId, String dealerId, String region) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<String> regionOfDealer(String dealerId) {
            throw new UnsupportedOperationException();
        }
    }

    /** The defeats with their lists and outboxes, in maps. */
    private static final class InMemoryDefeats implements Defeats, DefeatLists, DefeatEventsOutbox {

        final Map<String, Defeat> stored = new HashMap<>();
        final Set<String> listed = new LinkedHashSet<>();
        final List<String> published = new ArrayList<>();
        Runnable beforeInsert = () -> { };

        @Override
        public Mono<Boolean> insert(Defeat defeat, List<OutboxEvent> events) {
            beforeInsert.run();
            boolean taken = stored.containsKey(defeat.defeatId()) || stored.values().stream()
                    .anyMatch(d -> d.dealerId().equals(defeat.dealerId())
                            && Objects.equals(d.externalRef(), defeat.externalRef()));
            if (!taken) {
                stored.put(defeat.defeatId(), defeat);
            }
            return Mono.just(!taken);
        }

        @Override
        public Mono<Defeat> find(String defeatId) {
            return Mono.justOrEmpty(stored.get(defeatId));
        }

        @Override
        public Mono<Void> opening(Defeat defeat) {
            return Mono.fromRunnable(() -> listed.add(defeat.defeatId()));
        }

        @Override
        public Mono<Void> opened(Defeat defeat) {
            return opening(defeat);
        }

        @Override
        public void publishSoon(String defeatId) {
            published.add(defeatId);
        }

        @Override
        public Mono<Defeat> findByExternalRef(String dealerId, String externalRef) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> update(Defeat before, Defeat after, List<OutboxEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> changing(Defeat before, Defeat after) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> changed(Defeat before, Defeat after) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Found> callbacksDue(DefeatList list, long skip, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Found> reported(DefeatList list, DefeatState state, Instant from, Instant until, long skip,
                int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
