package com.dealerradar.lead.lead.application;

import com.dealerradar.lead.directory.application.Directory;
import com.dealerradar.lead.directory.domain.Dealer;
import com.dealerradar.lead.lead.adapter.mongo.LeadStore;
import com.dealerradar.lead.lead.domain.Lead;
import com.dealerradar.lead.lead.domain.NewLead;
import com.dealerradar.lead.lead.domain.PhoneNumber;
import com.dealerradar.lead.lead.domain.PossibleDuplicate;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.outbox.OutboxRelay;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes in up to {@link #MAX_ITEMS} leads at once with the rules of a single capture, item by item:
 * one bad item never keeps the others out. A handful of queries serve the whole batch: the dealers,
 * the external refs already taken, the open leads sharing a phone number, one unordered bulk insert.
 */
@Service
public class CaptureBatch {

    public static final int MAX_ITEMS = 1000;

    private final Directory directory;
    private final LeadStore store;
    private final PhoneHasher phones;
    private final OutboxRelay relay;
    private final Clock clock;

    public CaptureBatch(Directory directory, LeadStore store, PhoneHasher phones, OutboxRelay relay, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.phones = phones;
        this.relay = relay;
        this.clock = clock;
    }

    public enum ItemOutcome { CREATED, DUPLICATE, REJECTED }

    /** One item as read from the request: a lead, or the problem that kept it from being read. */
    public record Item(NewLead lead, ApiProblem unreadable) {}

    public record ItemResult(int index, ItemOutcome outcome, String leadId, ApiProblem problem) {

        static ItemResult created(int index, String leadId) {
            return new ItemResult(index, ItemOutcome.CREATED, leadId, null);
        }

        static ItemResult duplicate(int index, String leadId) {
            return new ItemResult(index, ItemOutcome.DUPLICATE, leadId, null);
        }

        static ItemResult rejected(int index, ApiProblem problem) {
            return new ItemResult(index, ItemOutcome.REJECTED, null, problem);
        }
    }

    public Mono<List<ItemResult>> capture(Caller caller, List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            return Mono.error(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "a batch holds at most " + MAX_ITEMS + " items, this one " + items.size()));
        }
        Instant now = clock.instant();
        ItemResult[] results = new ItemResult[items.size()];
        List<Integer> admitted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ApiProblem problem = item.unreadable() != null ? item.unreadable()
                    : Admission.problemOf(caller, item.lead(), now);
            if (problem != null) {
                results[i] = ItemResult.rejected(i, problem);
            } else {
                admitted.add(i);
            }
        }
        if (admitted.isEmpty()) {
            return Mono.just(List.of(results));
        }
        Set<String> dealerIds = new LinkedHashSet<>();
        admitted.forEach(i -> dealerIds.add(items.get(i).lead().dealerId()));
        return dealers(dealerIds)
                .flatMap(dealers -> new Run(items, results, now, dealers).admit(admitted))
                .then(Mono.fromCallable(() -> List.of(results)));
    }

    private Mono<Map<String, Dealer>> dealers(Set<String> dealerIds) {
        return Flux.fromIterable(dealerIds).flatMap(directory::find).collectMap(Dealer::dealerId);
    }

    /** The state of one batch while its items are decided. */
    private final class Run {

        private final List<Item> items;
        private final ItemResult[] results;
        private final Instant now;
        private final Map<String, Dealer> dealers;
        /** The first item of the batch for each {@code (dealerId, externalRef)}, and the later items repeating it. */
        private final Map<String, Integer> firstOf = new HashMap<>();
        private final Map<Integer, Integer> repeats = new HashMap<>();
        private final List<Integer> toInsert = new ArrayList<>();
        private final List<Lead> leads = new ArrayList<>();

        Run(List<Item> items, ItemResult[] results, Instant now, Map<String, Dealer> dealers) {
            this.items = items;
            this.results = results;
            this.now = now;
            this.dealers = dealers;
        }

        Mono<Void> admit(List<Integer> admitted) {
            Map<Integer, PhoneNumber> phoneOf = new HashMap<>();
            Map<Integer, String> fingerprintOf = new HashMap<>();
            List<Integer> fresh = new ArrayList<>();
            for (int i : admitted) {
                NewLead request = items.get(i).lead();
                if (!dealers.containsKey(request.dealerId())) {
                    results[i] = ItemResult.rejected(i, Admission.unknownDealer(request.dealerId()));
                    continue;
                }
                fingerprintOf.put(i, request.fingerprint());
                Integer first = firstOf.putIfAbsent(key(request.dealerId(), request.externalRef()), i);
                if (first == null) {
                    fresh.add(i);
                    phoneOf.put(i, phones.protect(request.phone()));
                } else if (fingerprintOf.get(first).equals(fingerprintOf.get(i))) {
                    repeats.put(i, first);
                } else {
                    results[i] = ItemResult.rejected(i, ApiProblem.conflict("externalRef " + request.externalRef()
                            + " comes twice in this batch with different content (items " + first + " and " + i + ")"));
                }
            }
            Set<String> hashes = new HashSet<>();
            phoneOf.values().forEach(p -> {
                if (p != null) {
                    hashes.add(p.hash());
                }
            });
            return store.findOpenByPhoneHashes(hashes).collectMultimap(lead -> lead.customer().phone().hash())
                    .flatMap(candidates -> {
                        Map<String, List<Lead>> byPhone = new HashMap<>();
                        candidates.forEach((hash, found) -> byPhone.put(hash, new ArrayList<>(found)));
                        fresh.forEach(i -> prepare(i, phoneOf.get(i), fingerprintOf.get(i), byPhone));
                        return insert();
                    })
                    .doOnSuccess(done -> repeats.forEach((repeat, first) -> results[repeat] = results[first].outcome()
                            == ItemOutcome.REJECTED ? ItemResult.rejected(repeat, results[first].problem())
                            : ItemResult.duplicate(repeat, results[first].leadId())));
        }

        private void prepare(int index, PhoneNumber phone, String fingerprint, Map<String, List<Lead>> byPhone) {
            NewLead request = items.get(index).lead();
            List<Lead> candidates = phone == null ? List.of() : byPhone.getOrDefault(phone.hash(), List.of());
            Lead lead = Lead.capture(UUID.randomUUID().toString(), dealers.get(request.dealerId()).region(), request,
                    phone, fingerprint, PossibleDuplicate.among(candidates, request.dealerId()), now);
            if (phone != null) {
                byPhone.computeIfAbsent(phone.hash(), h -> new ArrayList<>()).add(lead);
            }
            toInsert.add(index);
            leads.add(lead);
        }

        private Mono<Void> insert() {
            List<OutboxEvent> events = leads.stream().map(LeadEvents::captured).toList();
            return store.insertAll(leads, events).flatMap(taken -> {
                Map<String, List<Integer>> takenByDealer = new HashMap<>();
                for (int n = 0; n < leads.size(); n++) {
                    int index = toInsert.get(n);
                    Lead lead = leads.get(n);
                    if (taken.contains(n)) {
                        takenByDealer.computeIfAbsent(lead.dealerId(), d -> new ArrayList<>()).add(n);
                    } else {
                        results[index] = ItemResult.created(index, lead.leadId());
                        relay.publishSoon(LeadStore.COLLECTION, lead.leadId());
                    }
                }
                return Flux.fromIterable(takenByDealer.entrySet())
                        .concatMap(dealer -> resolveTaken(dealer.getKey(), dealer.getValue()))
                        .then();
            });
        }

        /**
         * These external refs were taken by earlier posts (a retry of this batch, or a concurrent post):
         * each item is a duplicate of the stored lead, or a conflict when its content differs.
         */
        private Mono<Void> resolveTaken(String dealerId, List<Integer> positions) {
            List<String> refs = positions.stream().map(n -> leads.get(n).externalRef()).toList();
            return store.findByExternalRefs(dealerId, refs).collectMap(Lead::externalRef).doOnNext(stored -> {
                for (int n : positions) {
                    Lead mine = leads.get(n);
                    int index = toInsert.get(n);
                    Lead earlier = stored.get(mine.externalRef());
                    results[index] = earlier == null
                            ? ItemResult.rejected(index, ApiProblem.conflict(
                                    "externalRef " + mine.externalRef() + " could not be stored; retry the item"))
                            : earlier.fingerprint().equals(mine.fingerprint())
                                    ? ItemResult.duplicate(index, earlier.leadId())
                                    : ItemResult.rejected(index, Admission.externalRefConflict(mine.externalRef(),
                                            earlier.leadId()));
                }
            }).then();
        }

        private static String key(String dealerId, String externalRef) {
            return dealerId + '\u0001' + externalRef;
        }
    }
}
