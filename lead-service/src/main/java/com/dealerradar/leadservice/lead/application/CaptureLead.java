package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.directory.application.Directory;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.NewLead;
import com.dealerradar.leadservice.lead.domain.PhoneNumber;
import com.dealerradar.leadservice.lead.domain.PossibleDuplicate;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes in a lead from a dealer system. Idempotent on {@code (dealerId, externalRef)}: the lead id
 * is derived from them, so the store's {@code _id} key decides between concurrent duplicates and two
 * identical posts at once create one lead.
 */
@Service
public class CaptureLead {

    private final Directory directory;
    private final Leads leads;
    private final PhoneHasher phones;
    private final Clock clock;

    public CaptureLead(Directory directory, Leads leads, PhoneHasher phones, Clock clock) {
        this.directory = directory;
        this.leads = leads;
        this.phones = phones;
        this.clock = clock;
    }

    /** What became of a capture: the lead, and whether this call created it. */
    public record Outcome(Lead lead, boolean created) {}

    public Mono<Outcome> capture(Caller caller, NewLead request) {
        ApiProblem problem = Admission.problemOf(caller, request, clock.instant());
        if (problem != null) {
            return Mono.error(problem);
        }
        String fingerprint = request.fingerprint();
        return leads.find(request.leadId())
                .flatMap(lead -> same(lead, request, fingerprint))
                .switchIfEmpty(Mono.defer(() -> create(request, fingerprint)));
    }

    private Mono<Outcome> create(NewLead request, String fingerprint) {
        PhoneNumber phone = phones.protect(request.phone());
        return directory.find(request.dealerId())
                .switchIfEmpty(Mono.error(() -> Admission.unknownDealer(request.dealerId())))
                .flatMap(dealer -> duplicateCandidates(phone)
                        .flatMap(candidates -> {
                            Lead lead = Lead.capture(request.leadId(), dealer.region(), request, phone,
                                    fingerprint, PossibleDuplicate.among(candidates, request.dealerId()),
                                    clock.instant());
                            return leads.insert(lead, List.of(LeadEvents.captured(lead)))
                                    .flatMap(stored -> stored ? Mono.just(new Outcome(lead, true))
                                            : existing(request, fingerprint));
                        }));
    }

    private Mono<List<Lead>> duplicateCandidates(PhoneNumber phone) {
        return phone == null ? Mono.just(List.of()) : leads.findOpenByPhoneHashes(List.of(phone.hash())).collectList();
    }

    /** The lead that took the ref first: by its id, or by the unique key for one stored before ids were derived. */
    private Mono<Outcome> existing(NewLead request, String fingerprint) {
        return leads.find(request.leadId())
                .switchIfEmpty(Mono.defer(() -> leads.findByExternalRef(request.dealerId(), request.externalRef())))
                .flatMap(lead -> same(lead, request, fingerprint));
    }

    private static Mono<Outcome> same(Lead lead, NewLead request, String fingerprint) {
        return lead.fingerprint().equals(fingerprint)
                ? Mono.just(new Outcome(lead, false))
                : Mono.error(Admission.externalRefConflict(request.externalRef(), lead.leadId()));
    }
}
