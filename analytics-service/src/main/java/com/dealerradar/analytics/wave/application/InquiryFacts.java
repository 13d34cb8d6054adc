package com.dealerradar.analytics.wave.application;

import com.dealerradar.analytics.wave.domain.Inquiry;
import java.util.Collection;
import reactor.core.publisher.Flux;

/** The captures among the given leads (a dealer's day: a bounded list) that named an industry, as inquiries. */
public interface InquiryFacts {

    Flux<Inquiry> of(Collection<String> leadIds);
}
