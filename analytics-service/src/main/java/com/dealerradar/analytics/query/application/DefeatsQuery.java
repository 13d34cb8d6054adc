package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.Rates;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Lost-sale analysis of a cohort. Reasons, competitors and subtypes count each lead's latest loss
 * that stands (pending or confirmed, not reversed), with the callback's actual reasons where it gave
 * some and the brand actually bought where the callback named one. Losses to another dealer of the
 * group are no loss for the group: they are left out of those and shown apart.
 * {@code falseDefeatRate} = reversed / (confirmed + reversed): the share of settled reports that were false.
 * {@code byDealer} gives those counts and that rate for each dealer of the scope with a report, highest
 * rate first (dealers with nothing settled yet last), so that a page compares dealers in one read.
 */
@Service
public class DefeatsQuery {

    private final ScopeResolver scope;
    private final CellReader rollups;
    private final Clock clock;

    public DefeatsQuery(ScopeResolver scope, CellReader rollups, Clock clock) {
        this.scope = scope;
        this.rollups = rollups;
        this.clock = clock;
    }

    public record ReasonCount(String reason, long count) {}

    public record BrandCount(String brand, long count) {}

    public record SubtypeCount(String subtype, long count) {}

    public record DealerCount(String dealerId, long count) {}

    public record Ratings(Double reception, Double needsAnalysis, Double presentation, Double testDrive,
            Double negotiation, Double followUp) {}

    public record SameGroupLosses(long count, List<DealerCount> byDealer) {}

    public record DealerDefeats(String dealerId, long reported, long confirmed, long reversed, Double falseDefeatRate) {}

    public record Defeats(long reported, long confirmed, long reversed, Double falseDefeatRate, long pendingCallbacks,
            long overdueCallbacks, List<ReasonCount> byReason, List<BrandCount> byCompetitor,
            List<SubtypeCount> bySubtype, Ratings ratings, SameGroupLosses sameGroupLosses,
            List<DealerDefeats> byDealer) {}

    private static final Comparator<DealerDefeats> HIGHEST_RATE_FIRST = Comparator
            .comparing(DealerDefeats::falseDefeatRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DealerDefeats::dealerId);

    public Mono<Defeats> defeats(Caller caller, String dealerId, String region, Cohort cohort) {
        return scope.resolve(caller, dealerId, region)
                .flatMap(filter -> Mono.zip(rollups.total(filter, cohort), rollups.by(filter, cohort, Dimensions.BY_DEALER)))
                .map(read -> of(read.getT1(), read.getT2().byKey()));
    }

    private Defeats of(RollupSum s, Map<String, RollupSum> byDealer) {
        List<DealerCount> sameGroup = counts(s.bySameGroupDealer(), DealerCount::new);
        List<DealerDefeats> dealers = byDealer.entrySet().stream()
                .filter(e -> e.getValue().defeatsReported() > 0)
                .map(e -> new DealerDefeats(e.getKey(), e.getValue().defeatsReported(), e.getValue().defeatsConfirmed(),
                        e.getValue().defeatsReversed(), falseDefeatRate(e.getValue())))
                .sorted(HIGHEST_RATE_FIRST)
                .toList();
        return new Defeats(s.defeatsReported(), s.defeatsConfirmed(), s.defeatsReversed(), falseDefeatRate(s),
                s.pendingDefeats(),
                s.overdueCallbacks(clock.instant()), counts(s.byReason(), ReasonCount::new),
                counts(s.byCompetitor(), BrandCount::new), counts(s.bySubtype(), SubtypeCount::new),
                new Ratings(rating(s, "reception"), rating(s, "needsAnalysis"), rating(s, "presentation"),
                        rating(s, "testDrive"), rating(s, "negotiation"), rating(s, "followUp")),
                new SameGroupLosses(sameGroup.stream().mapToLong(DealerCount::count).sum(), sameGroup), dealers);
    }

    private static Double falseDefeatRate(RollupSum s) {
        return Rates.of(s.defeatsReversed(), s.defeatsConfirmed() + s.defeatsReversed());
    }

    private static Double rating(RollupSum s, String step) {
        return Rates.round(s.averageRating(step), 2);
    }

    /** Most frequent first, then by name. */
    private static <T> List<T> counts(Map<String, Long> counts, BiFunction<String, Long, T> row) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> row.apply(e.getKey(), e.getValue()))
                .toList();
    }
}
