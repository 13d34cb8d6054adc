package com.dealerradar.platform.idempotency;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The unique index that makes a dealer's {@code externalRef} idempotent in every collection of records
 * a dealer's system creates (leads, follow-ups, defeats): a create sent again meets the first one,
 * also for records stored before their ids were derived from it.
 */
public final class ExternalRefIndex {

    private ExternalRefIndex() {}

    public static Index uniquePerDealer() {
        return new Index().on("dealerId", Sort.Direction.ASC).on("externalRef", Sort.Direction.ASC)
                .unique().named("dealer_externalRef");
    }
}
