package com.dealerradar.analytics.wave.application;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.finding.application.AssignmentBriefs;
import com.dealerradar.analytics.finding.application.AssignmentBriefs.Assigned;
import com.dealerradar.analytics.finding.domain.FindingId;
import com.dealerradar.analytics.generation.application.ReadModel;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.wave.domain.InquiryDay;
import com.dealerradar.analytics.wave.domain.NotYetInquired;
import com.dealerradar.analytics.wave.domain.PastDeals;
import com.dealerradar.analytics.wave.domain.RegionHistory;
import com.dealerradar.analytics.wave.domain.RegionInquiries;
import com.dealerradar.analytics.wave.domain.Wave;
import com.dealerradar.analytics.wave.domain.WaveFinder;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The industry waves of {@code from..to}: every industry's inquiry days of the range (and of the
 * window before it, so that a wave that opened just before {@code from} keeps its opening day and its
 * id) read by key, the waves found in them ({@link WaveFinder}), and for each wave the industry's past
 * from the regions' industry cells of the {@value #PAST_YEARS} whole years before the wave opened:
 * its deals by month and the regions that know it but have not inquired. Every read is one
 * {@code _id $in} of a bounded list: industries × days, then regions × years.
 */
@Service
public class WavesQuery {

    static final int DEFAULT_WINDOW_DAYS = 30;
    static final int MAX_WINDOW_DAYS = 90;
    static final int DEFAULT_RANGE_DAYS = 90;
    static final int MAX_RANGE_DAYS = 92;
    static final int PAST_YEARS = 3;

    private final ReadModels models;
    private final AssignmentBriefs assignments;
    private final Clock clock;
    private final ZoneId groupZone;

    public WavesQuery(ReadModels models, AssignmentBriefs assignments, Clock clock, ZoneId groupZone) {
        this.models = models;
        this.assignments = assignments;
        this.clock = clock;
        this.groupZone = groupZone;
    }

    /**
     * A wave as the radar reports it; {@code from}/{@code to} is its window; {@code assignment} is null
     * while nobody was given the wave to act on.
     */
    public record Item(String findingId, String industry, LocalDate from, LocalDate to, List<RegionInquiries> regions,
            long inquiries, long vehicles, PastDeals pastDeals, List<RegionHistory> notYetInquired,
            Assigned assignment) {

        Item assigned(Assigned assigned) {
            return assigned == null ? this : new Item(findingId, industry, from, to, regions, inquiries, vehicles,
                    pastDeals, notYetInquired, assigned);
        }
    }

    public record Waves(LocalDate from, LocalDate to, int windowDays, String region, List<Item> items) {}

    public Mono<Waves> find(Caller caller, LocalDate from, LocalDate to, Integer windowDays, String region) {
        int window = windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays;
        if (window < 1 || window > MAX_WINDOW_DAYS) {
            return Mono.error(ApiProblem.invalid("windowDays", "must be between 1 and " + MAX_WINDOW_DAYS));
        }
        LocalDate until = InputBounds.queryDate("to", to == null ? LocalDate.now(clock.withZone(groupZone)) : to);
        LocalDate since = InputBounds.queryDate("from", from == null ? until.minusDays(DEFAULT_RANGE_DAYS - 1L) : from);
        if (until.isBefore(since)) {
            return Mono.error(ApiProblem.invalid("to", "must not be before from"));
        }
        if (ChronoUnit.DAYS.between(since, until) >= MAX_RANGE_DAYS) {
            return Mono.error(ApiProblem.invalid("from", "must be at most " + MAX_RANGE_DAYS + " days before to"));
        }
        if (caller.role() == Role.DEALER) {
            return Mono.error(ApiProblem.forbidden("waves are read by headquarters and region managers"));
        }
        String scope = region != null ? region : caller.role() == Role.REGION_MANAGER ? caller.region() : null;
        if (scope != null && !caller.canReadRegion(scope)) {
            return Mono.error(ApiProblem.forbidden("region " + scope + " is outside this key's scope"));
        }
        ReadModel model = models.active();
        return waves(model, since.minusDays(window - 1L), until, window)
                .flatMap(waves -> items(model, waves, scope))
                .flatMap(this::withAssignments)
                .map(items -> new Waves(since, until, window, scope, items));
    }

    private Mono<List<Item>> withAssignments(List<Item> items) {
        return assignments.shown(items.stream().map(Item::findingId).toList())
                .map(byId -> items.stream().map(item -> item.assigned(byId.get(item.findingId()))).toList());
    }

    private static Mono<List<Wave>> waves(ReadModel model, LocalDate first, LocalDate last, int window) {
        return model.inquiryDays().industries().flatMap(industries -> {
            List<String> ids = new ArrayList<>();
            for (String industry : industries) {
                first.datesUntil(last.plusDays(1)).forEach(day -> ids.add(InquiryDay.id(industry, day)));
            }
            return model.inquiryDays().read(ids).map(days -> {
                Map<String, List<InquiryDay>> byIndustry = new TreeMap<>();
                days.forEach(day -> byIndustry.computeIfAbsent(day.industry(), i -> new ArrayList<>()).add(day));
                List<Wave> waves = new ArrayList<>();
                byIndustry.forEach((industry, its) -> waves.addAll(WaveFinder.find(industry, its, window)));
                return waves;
            });
        });
    }

    private static Mono<List<Item>> items(ReadModel model, List<Wave> waves, String scope) {
        if (waves.isEmpty()) {
            return Mono.just(List.of());
        }
        return model.index().regions().flatMap(regions -> {
            List<String> ids = new ArrayList<>();
            waves.stream().flatMap(wave -> pastYears(wave).stream()).distinct().forEach(year -> regions
                    .forEach(r -> ids.add(CellView.INDUSTRY.cellId(String.valueOf(year), CellScope.region(r)))));
            return model.cells().read(ids);
        }).map(cells -> {
            List<Item> items = new ArrayList<>();
            for (Wave wave : waves) {
                Item item = item(wave, cells);
                if (scope == null || NotYetInquired.affects(wave, item.notYetInquired(), scope)) {
                    items.add(item);
                }
            }
            items.sort(Comparator.comparing(Item::from).reversed().thenComparing(Item::industry));
            return items;
        });
    }

    private static Item item(Wave wave, Map<String, Cell> cells) {
        List<Integer> years = pastYears(wave);
        PastDeals past = PastDeals.none(years);
        Map<String, long[]> leadsAndWonByRegion = new TreeMap<>();
        for (Cell cell : cells.values()) {
            if (!years.contains(Integer.parseInt(cell.period()))) {
                continue;
            }
            for (Rollup row : cell.rows()) {
                if (!wave.industry().equals(row.key().industry())) {
                    continue;
                }
                long[] counts = leadsAndWonByRegion.computeIfAbsent(cell.scope().name(), r -> new long[2]);
                counts[0] += row.captured();
                counts[1] += row.won();
                past = past.plus(row.wonByMonth(), row.vehiclesSold());
            }
        }
        List<RegionHistory> history = leadsAndWonByRegion.entrySet().stream()
                .map(e -> new RegionHistory(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Item(FindingId.wave(wave.industry(), wave.opensOn()), wave.industry(), wave.opensOn(),
                wave.closesOn(), wave.regions(), wave.inquiries(), wave.vehicles(), past,
                NotYetInquired.of(history, wave.regionNames()), null);
    }

    private static List<Integer> pastYears(Wave wave) {
        int year = wave.opensOn().getYear();
        return IntStream.rangeClosed(year - PAST_YEARS, year - 1).boxed().toList();
    }
}
