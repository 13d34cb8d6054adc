package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.query.domain.Money;
import com.dealerradar.analytics.query.domain.Rates;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ScopeResolver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Per channel: leads, deals and what they cost. {@code leads} are the valid leads (the funnel's
 * traffic); {@code captured} and {@code invalid} show the leads the channel brought that were no
 * prospects. Cost per lead divides by every captured lead, as the structure's does (the money bought
 * them all); spend comes from the months' per-channel splits.
 */
@Service
public class ChannelsQuery {

    private final ScopeResolver scope;
    private final CellReader rollups;
    private final SpendReader spend;

    public ChannelsQuery(ScopeResolver scope, CellReader rollups, SpendReader spend) {
        this.scope = scope;
        this.rollups = rollups;
        this.spend = spend;
    }

    public record ChannelRow(String channel, long captured, long invalid, Double invalidRate, long leads, long won,
            Double conversionRate, BigDecimal spend, BigDecimal costPerLead, BigDecimal costPerWon) {}

    public record Channels(List<ChannelRow> rows) {}

    public Mono<Channels> channels(Caller caller, String dealerId, String region, Cohort cohort) {
        return scope.resolve(caller, dealerId, region).flatMap(filter -> Mono.zip(
                        rollups.by(filter, cohort, Dimensions.BY_CHANNEL), spend.byChannel(filter, cohort)))
                .map(t -> rows(t.getT1().byKey(), t.getT2()));
    }

    private static Channels rows(Map<String, RollupSum> byChannel, Map<String, BigDecimal> spendByChannel) {
        TreeSet<String> channels = new TreeSet<>(byChannel.keySet());
        channels.addAll(spendByChannel.keySet());
        return new Channels(channels.stream().map(channel -> {
            RollupSum s = byChannel.getOrDefault(channel, new RollupSum());
            BigDecimal spend = spendByChannel.get(channel);
            return new ChannelRow(channel.isEmpty() ? null : channel, s.captured(), s.invalid(),
                    Rates.of(s.invalid(), s.captured()), s.traffic(), s.won(), Rates.of(s.won(), s.traffic()),
                    Money.cents(spend), Money.perUnit(spend, s.captured()), Money.perUnit(spend, s.won()));
        }).toList());
    }
}
