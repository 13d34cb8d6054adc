package com.dealerradar.platform.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.testkit.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/** Pages and totals read by key give what a sort of all items would give, across days and blocks. */
class WorkListIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-10T02:00:00Z");

    @RegisterExtension
    static final InMemoryStore STORE = new InMemoryStore("worklist_test");

    @Test
    void pagesAndTotalsFollowTheOrderOfInstantsUpToUntil() {
        WorkListIndex index = new WorkListIndex(STORE.template(), "ordered");
        List<WorkListIndex.Entry> all = new ArrayList<>();
        // Spread over more than one block of days, several items a day, some at the same instant.
        for (int i = 0; i < 60; i++) {
            Instant at = T0.plus(Duration.ofHours(i * 13L)).plus(Duration.ofDays(i % 3 == 0 ? 300 : 0));
            String id = "L-" + (100 + i);
            index.put("D:1", id, at).block();
            all.add(new WorkListIndex.Entry(id, at));
        }
        index.put("D:1", "L-same", T0).block();
        all.add(new WorkListIndex.Entry("L-same", T0));
        index.put("D:2", "L-other", T0).block();
        all.sort((a, b) -> a.at().equals(b.at()) ? a.id().compareTo(b.id()) : a.at().compareTo(b.at()));

        Instant until = T0.plus(Duration.ofDays(200));
        List<WorkListIndex.Entry> due = all.stream().filter(e -> !e.at().isAfter(until)).toList();
        assertThat(index.count("D:1", until).block()).isEqualTo(due.size());
        assertThat(index.count("D:1", WorkListIndex.END_OF_TIME).block()).isEqualTo(all.size());
        List<WorkListIndex.Entry> paged = new ArrayList<>();
        for (int page = 0; page * 7 < due.size(); page++) {
            paged.addAll(index.page("D:1", until, page * 7L, 7).block());
        }
        assertThat(paged).isEqualTo(due);
        assertThat(index.page("D:1", WorkListIndex.END_OF_TIME, 40, 100).block()).isEqualTo(all.subList(40, all.size()));
        assertThat(index.page("D:2", WorkListIndex.END_OF_TIME, 0, 10).block()).extracting(WorkListIndex.Entry::id)
                .containsExactly("L-other");
    }

    @Test
    void aRangeReadLatestFirstGivesTheReverseOrderWithTiesById() {
        WorkListIndex index = new WorkListIndex(STORE.template(), "ranges");
        List<WorkListIndex.Entry> all = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Instant at = T0.plus(Duration.ofHours(i * 11L)).plus(Duration.ofDays(i % 4 == 0 ? 280 : 0));
            String id = "L-" + (100 + i);
            index.put("R:x", id, at).block();
            all.add(new WorkListIndex.Entry(id, at));
            if (i % 10 == 0) {
                index.put("R:x", "L-tie-" + i, at).block();
                all.add(new WorkListIndex.Entry("L-tie-" + i, at));
            }
        }
        Instant from = T0.plus(Duration.ofDays(5)).plusSeconds(1);
        Instant until = T0.plus(Duration.ofDays(290));
        List<WorkListIndex.Entry> expected = all.stream()
                .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(until))
                .sorted((a, b) -> a.at().equals(b.at()) ? a.id().compareTo(b.id()) : b.at().compareTo(a.at()))
                .toList();

        assertThat(index.count("R:x", from, until).block()).isEqualTo(expected.size());
        List<WorkListIndex.Entry> paged = new ArrayList<>();
        for (int page = 0; page * 6 < expected.size(); page++) {
            paged.addAll(index.page("R:x", from, until, true, page * 6L, 6).block());
        }
        assertThat(paged).isEqualTo(expected);
        List<WorkListIndex.Entry> earliestFirst = index.page("R:x", from, until, false, 3, 500).block();
        assertThat(earliestFirst).hasSize(expected.size() - 3);
        assertThat(earliestFirst.get(0).at()).isBeforeOrEqualTo(earliestFirst.get(1).at());
    }

    @Test
    void anItemIsCountedOnceAndLeavesWhenRemoved() {
        WorkListIndex index = new WorkListIndex(STORE.template(), "moves");
        index.put("G", "L-1", T0).block();
        index.put("G", "L-1", T0).block();
        index.put("G", "L-2", T0.plusSeconds(60)).block();
        assertThat(index.count("G", WorkListIndex.END_OF_TIME).block()).isEqualTo(2);

        index.remove("G", "L-1", T0).block();
        index.remove("G", "L-1", T0).block();
        index.put("G", "L-1", T0.plus(Duration.ofDays(3))).block();
        assertThat(index.page("G", WorkListIndex.END_OF_TIME, 0, 10).block()).extracting(WorkListIndex.Entry::id)
                .containsExactly("L-2", "L-1");
        assertThat(index.count("G", T0.plus(Duration.ofDays(1))).block()).isEqualTo(1);
    }

    @Test
    void aStaleEntryStaysOutUnlessItsSourceWasWrittenMeanwhile() {
        WorkListIndex index = new WorkListIndex(STORE.template(), "healing");
        WorkListIndex.Entry stale = new WorkListIndex.Entry("L-stale", T0);
        WorkListIndex.Entry inFlight = new WorkListIndex.Entry("L-in-flight", T0.plusSeconds(60));
        index.put("G", stale.id(), stale.at()).block();
        index.put("G", inFlight.id(), inFlight.at()).block();

        index.removeStale("G", stale, Mono.just(false)).block();
        // A writer put this entry, and wrote its source after the reader looked at it.
        index.removeStale("G", inFlight, Mono.just(true)).block();

        assertThat(index.page("G", WorkListIndex.END_OF_TIME, 0, 10).block()).containsExactly(inFlight);
        assertThat(index.count("G", WorkListIndex.END_OF_TIME).block()).isEqualTo(1);
    }

    @Test
    void aDaysDocumentHoldsOnlyThatDaysItems() {
        WorkListIndex index = new WorkListIndex(STORE.template(), "sizes");
        for (int i = 0; i < 1000; i++) {
            index.put("G", "L-" + i, T0.plus(Duration.ofDays(i))).block();
        }
        long largest = STORE.template().findAll(Document.class, "sizes").map(d -> (long) d.toJson().length())
                .reduce(0L, Math::max).block();
        assertThat(largest).isLessThan(16_000);
    }
}
