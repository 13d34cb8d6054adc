package com.dealerradar.analytics.wave.application;

import com.dealerradar.analytics.wave.domain.InquiryDay;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The inquiries of each industry on each day ({@link InquiryDay}), each read by its key; written only
 * at the version that was read, so that of two instances merging into one day neither undoes the
 * other. Beside them, the industries that have ever inquired. One store per generation of the read model.
 */
public interface InquiryDays {

    /** A day as stored, with the version a write must match (0: not stored yet). */
    record Stored(InquiryDay day, long version) {}

    /** The day, or an empty one at version 0. */
    Mono<Stored> find(String industry, LocalDate day);

    /** Writes {@code day} if it is still at {@code version}; false when another write came first. */
    Mono<Boolean> write(InquiryDay day, long version);

    /** The days of the given ids ({@link InquiryDay#id}) that exist. */
    Mono<List<InquiryDay>> read(Collection<String> ids);

    Mono<Void> addIndustry(String industry);

    Mono<List<String>> industries();
}
