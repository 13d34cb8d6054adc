package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.directory.application.Directory;
import com.dealerradar.leadservice.directory.domain.Dealer;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.NewLead;
import com.dealerradar.leadservice.lead.domain.PhoneNumber;
import com.dealerradar.leadservice.lead.domain.PossibleDuplicate;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes in up to {@link #MAX_ITEMS} leads at once with the rules of a single capture, item by item:
 * one bad item never keeps the others out. A handful of reads by key serve the whole batch: the
 * dealers, the leads already stored under the items' ids, the phone index and the open leads it
 * names; then one unordered bulk insert.
 */
@Service
public class CaptureBatch {

    public static final int MAX_ITEMS = 1000;

    private final Directory directory;
    private final Leads leads;
    private final PhoneHasher phones;
    private final Clock clock;

    public CaptureBatch(Directory directory, Leads leads, PhoneHasher phones, Clock clock) {
        this.directory = directory;
        this.leads = leads;
        this.phones = phones;
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

    /** Checked on the count of items before any of them is read. */
    public static ApiProblem tooLarge(int items) {
        return new ApiProblem(ApiProblem.Kind.TOO_LARGE, "too-large",
                "a batch holds at most " + MAX_ITEMS + " items, this one " + items,
                List.of(new Violation("items", "must hold at most " + MAX_ITEMS + " items")));
    }

    public Mono<List<ItemResult>> capture(Caller caller, List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            return Mono.error(tooLarge(items.size()));
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
        private final List<Lead> newLeads = new ArrayList<>();

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
            return alreadyStored(fresh, fingerprintOf)
                    .flatMap(toCreate -> candidates(toCreate, phoneOf)
                            .flatMap(byPhone -> {
                                toCreate.forEach(i -> prepare(i, phoneOf.get(i), fingerprintOf.get(i), byPhone));
                                return insert();
                            }))
                    .doOnSuccess(done -> repeats.forEach((repeat, first) -> results[repeat] = results[first].outcome()
                            == ItemOutcome.REJECTED ? ItemResult.rejected(repeat, results[first].problem())
                            : ItemResult.duplicate(repeat, results[first].leadId())));
        }

        /**
         * Decides the items whose lead exists already (a retried batch) with one {@code _id $in} read;
         * completes with the others, still to be created.
         */
        private Mono<List<Integer>> alreadyStored(List<Integer> fresh, Map<Integer, String> fingerprintOf) {
            List<String> ids = fresh.stream().map(i -> items.get(i).lead().leadId()).toList();
            return leads.findAll(ids).collectMap(Lead::leadId).map(stored -> {
                List<Integer> toCreate = new ArrayList<>();
                for (int i : fresh) {
                    Lead earlier = stored.get(items.get(i).lead().leadId());
                    if (earlier == null) {
                        toCreate.add(i);
                    } else {
                        results[i] = takenBy(i, items.get(i).lead().externalRef(), fingerprintOf.get(i), earlier);
                    }
                }
                return toCreate;
            });
        }

        /** The open leads sharing a phone number with the items to create, by phone hash. */
        private Mono<Map<String, List<Lead>>> candidates(List<Integer> toCreate, Map<Integer, PhoneNumber> phoneOf) {
            Set<String> hashes = new HashSet<>();
            toCreate.forEach(i -> {
                PhoneNumber phone = phoneOf.get(i);
                if (phone != null) {
                    hashes.add(phone.hash());
                }
            });
            return leads.findOpenByPhoneHashes(hashes).collectMultimap(lead -> lead.customer().phone().hash())
                    .map(found -> {
                        Map<String, List<Lead>> byPhone = new HashMap<>();
                        found.forEach((hash, leadsOfPhone) -> byPhone.put(hash, new ArrayList<>(leadsOfPhone)));
                        return byPhone;
                    });
        }

        private void prepare(int index, PhoneNumber phone, String fingerprint, Map<String, List<Lead>> byPhone) {
            NewLead request = items.get(index).lead();
            List<Lead> candidates = phone == null ? List.of() : byPhone.getOrDefault(phone.hash(), List.of());
            Lead lead = Lead.capture(request.leadId(), dealers.get(request.dealerId()).region(), request,
                    phone, fingerprint, PossibleDuplicate.among(candidates, request.dealerId()), now);
            if (phone != null) {
                byPhone.computeIfAbsent(phone.hash(), h -> new ArrayList<>()).add(lead);
            }
            toInsert.add(index);
            newLeads.add(lead);
        }

        private Mono<Void> insert() {
            List<OutboxEvent> events = newLeads.stream().map(LeadEvents::captured).toList();
            return leads.insertAll(newLeads, events).flatMap(taken -> {
                List<Integer> takenPositions = new ArrayList<>();
                for (int n = 0; n < newLeads.size(); n++) {
                    int index = toInsert.get(n);
                    if (taken.contains(n)) {
                        takenPositions.add(n);
                    } else {
                        results[index] = ItemResult.created(index, newLeads.get(n).leadId());
                    }
                }
                return resolveTaken(takenPositions);
            });
        }

        /**
         * These external refs were taken meanwhile by a concurrent post: each item is a duplicate of
         * the stored lead, or a conflict when its content differs. One {@code _id $in} read finds them;
         * a lead stored before ids were derived from the ref is found by the unique key instead.
         */
        private Mono<Void> resolveTaken(List<Integer> positions) {
            if (positions.isEmpty()) {
                return Mono.empty();
            }
            List<String> ids = positions.stream().map(n -> newLeads.get(n).leadId()).toList();
            return leads.findAll(ids).collectMap(Lead::leadId)
                    .flatMapMany(stored -> Flux.fromIterable(positions).concatMap(n -> {
                        Lead mine = newLeads.get(n);
                        Lead earlier = stored.get(mine.leadId());
                        return earlier != null ? Mono.just(Map.entry(n, earlier))
                                : leads.findByExternalRef(mine.dealerId(), mine.externalRef()).map(e -> Map.entry(n, e))
                                        .defaultIfEmpty(Map.entry(n, mine));
                    }))
                    .doOnNext(found -> {
                        int n = found.getKey();
                        Lead mine = newLeads.get(n);
                        int index = toInsert.get(n);
                        results[index] = found.getValue() == mine
                                ? ItemResult.rejected(index, ApiProblem.conflict(
                                        "externalRef " + mine.externalRef() + " could not be stored; retry the item"))
                                : takenBy(index, mine.externalRef(), mine.fingerprint(), found.getValue());
                    })
                    .then();
        }

        private static ItemResult takenBy(int index, String externalRef, String fingerprint, Lead earlier) {
            return earlier.fingerprint().equals(fingerprint)
                    ? ItemResult.duplicate(index, earlier.leadId())
                    : ItemResult.rejected(index, Admission.externalRefConflict(externalRef, earlier.leadId()));
        }

        private static String key(String dealerId, String externalRef) {
            return dealerId + '\u0001' + externalRef;
        }
    }
}
