package com.dealerradar.platform.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work lists (items ordered by an instant, e.g. leads by due time) kept for reading by key, so that
 * a page and its total cost the same however much history is stored. Each list (a dealer's, a
 * region's, the group's) is three levels of small documents in one collection:
 * <ul>
 * <li>a day: {@code <list>|d<epochDay>} with the items of that (UTC) day, {@code [{i: id, t: millis}]};</li>
 * <li>a block of {@value #DAYS_PER_BLOCK} days: {@code <list>|b<block>} with the count of each day;</li>
 * <li>the list: {@code <list>} with the count of each block.</li>
 * </ul>
 * A page walks the counts to the day where it starts and reads the days it covers by {@code _id $in};
 * a total adds up counts. A day holds what one day of the list brings, not the list's history. Every
 * write filters by {@code _id} alone and learns from the document's prior state whether it changed
 * anything, so the counts stay exact under concurrent writers.
 * <p>
 * An item is put where it belongs before its source is written and again after, and removed from
 * where it was after; so an item is never missing for long, but two writers racing on one item can
 * leave a stale entry behind. Readers check each entry against its source and take the stale ones
 * out ({@link #removeStale}), which heals the list as it is read.
 */
public class WorkListIndex {

    /** An {@code until} that takes the whole list. */
    public static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** A {@code from} that takes the whole list. */
    public static final Instant BEGINNING_OF_TIME = Instant.parse("0001-01-01T00:00:00Z");

    static final int DAYS_PER_BLOCK = 256;
    private static final int DAYS_PER_READ = 31;

    private static final FindAndModifyOptions PRE_IMAGE = FindAndModifyOptions.options().returnNew(false);
    private static final FindAndModifyOptions PRE_IMAGE_UPSERT = FindAndModifyOptions.options().returnNew(false)
            .upsert(true);

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public WorkListIndex(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** One item of a list: its id and its instant. */
    public record Entry(String id, Instant at) {}

    /** Puts {@code id} at {@code at} in {@code list}; an item there already stays as it is. */
    public Mono<Void> put(String list, String id, Instant at) {
        long day = day(at);
        Document item = item(id, at);
        return mongo.findAndModify(byId(dayId(list, day)), new Update().addToSet("items", item), PRE_IMAGE_UPSERT,
                        Document.class, collection)
                .map(before -> holds(before, item))
                .defaultIfEmpty(false)
                .flatMap(wasThere -> wasThere ? Mono.<Void>empty() : count(list, day, 1))
                // Two writers creating the same day at once: the second one puts its item again.
                .onErrorResume(DuplicateKeyException.class, createdMeanwhile -> put(list, id, at));
    }

    /** Takes {@code id}, put at {@code at}, out of {@code list}; nothing when it is not there. */
    public Mono<Void> remove(String list, String id, Instant at) {
        long day = day(at);
        Document item = item(id, at);
        return mongo.findAndModify(byId(dayId(list, day)), new Update().pull("items", item), PRE_IMAGE,
                        Document.class, collection)
                .filter(before -> holds(before, item))
                .flatMap(before -> count(list, day, -1));
    }

    /**
     * Takes out an entry that its source, as a reader found it, says is stale. The reader may have met
     * a writer between putting the entry and writing its source, so once the entry is out the source
     * is asked again ({@code belongsNow}) and the entry put back if it belongs after all; a writer that
     * writes its source later than that puts the entry again itself.
     */
    public Mono<Void> removeStale(String list, Entry entry, Mono<Boolean> belongsNow) {
        return remove(list, entry.id(), entry.at())
                .then(belongsNow)
                .flatMap(belongs -> belongs ? put(list, entry.id(), entry.at()) : Mono.empty());
    }

    private static Document item(String id, Instant at) {
        return new Document("i", id).append("t", at.toEpochMilli());
    }

    private static boolean holds(Document day, Document item) {
        return day.getList("items", Document.class, List.of()).contains(item);
    }

    /** How many items of {@code list} are at or before {@code until}. */
    public Mono<Long> count(String list, Instant until) {
        long lastDay = day(until);
        long lastBlock = Math.floorDiv(lastDay, DAYS_PER_BLOCK);
        Mono<Long> wholeBlocks = counts(list, "blocks")
                .map(blocks -> sum(blocks, key -> key < lastBlock));
        Mono<Long> wholeDays = counts(list + "|b" + lastBlock, "days")
                .map(days -> sum(days, key -> key < lastDay));
        Mono<Long> lastDayItems = items(List.of(dayId(list, lastDay)))
                .filter(entry -> !entry.at().isAfter(until)).count();
        return Mono.zip(wholeBlocks, wholeDays, lastDayItems).map(t -> t.getT1() + t.getT2() + t.getT3());
    }

    /** How many items of {@code list} are in {@code [from, until]}. */
    public Mono<Long> count(String list, Instant from, Instant until) {
        return Mono.zip(count(list, until), count(list, from.minusMillis(1))).map(t -> Math.max(0, t.getT1() - t.getT2()));
    }

    /** The items of {@code list} at or before {@code until}, earliest first (ties by id), from {@code skip} on. */
    public Mono<List<Entry>> page(String list, Instant until, long skip, int limit) {
        return page(list, BEGINNING_OF_TIME, until, false, skip, limit);
    }

    /**
     * The items of {@code list} in {@code [from, until]} from {@code skip} on: earliest first, or with
     * {@code latestFirst} latest first; ties by id either way.
     */
    public Mono<List<Entry>> page(String list, Instant from, Instant until, boolean latestFirst, long skip,
            int limit) {
        Range range = new Range(from, until, latestFirst);
        return counts(list, "blocks").flatMap(blocks -> fromBlocks(list, range.order(blocks.subMap(
                range.firstBlock(), true, range.lastBlock(), true)), blocks, range, skip, limit, new ArrayList<>()));
    }

    /** The instants a page covers, and in which direction. */
    private record Range(Instant from, Instant until, boolean latestFirst) {

        long firstDay() {
            return day(from);
        }

        long lastDay() {
            return day(until);
        }

        long firstBlock() {
            return Math.floorDiv(firstDay(), DAYS_PER_BLOCK);
        }

        long lastBlock() {
            return Math.floorDiv(lastDay(), DAYS_PER_BLOCK);
        }

        List<Long> order(Map<Long, Long> counts) {
            List<Long> keys = new ArrayList<>(counts.keySet());
            if (latestFirst) {
                Collections.reverse(keys);
            }
            return keys;
        }

        boolean contains(Entry entry) {
            return !entry.at().isBefore(from) && !entry.at().isAfter(until);
        }

        Comparator<Entry> comparator() {
            Comparator<Entry> byTime = latestFirst ? Comparator.comparing(Entry::at).reversed()
                    : Comparator.comparing(Entry::at);
            return byTime.thenComparing(Entry::id);
        }
    }

    // Block by block and day by day; a whole block or day inside the range is skipped by its count,
    // the ones the range cuts through are read.
    private Mono<List<Entry>> fromBlocks(String list, List<Long> blocks, TreeMap<Long, Long> blockCounts, Range range,
            long skip, int limit, List<Entry> page) {
        if (page.size() >= limit || blocks.isEmpty()) {
            return Mono.just(page);
        }
        long block = blocks.get(0);
        List<Long> rest = blocks.subList(1, blocks.size());
        boolean cut = block == range.firstBlock() || block == range.lastBlock();
        if (!cut && skip >= blockCounts.get(block)) {
            return fromBlocks(list, rest, blockCounts, range, skip - blockCounts.get(block), limit, page);
        }
        return counts(list + "|b" + block, "days").flatMap(days -> {
            List<Long> keys = range.order(days.subMap(range.firstDay(), true, range.lastDay(), true));
            List<Long> toRead = new ArrayList<>();
            long toSkip = skip;
            for (Long day : keys) {
                boolean dayCut = day == range.firstDay() || day == range.lastDay();
                if (toRead.isEmpty() && !dayCut && toSkip >= days.get(day)) {
                    toSkip -= days.get(day);
                } else {
                    toRead.add(day);
                }
            }
            return fromDays(list, toRead, range, toSkip, limit, page)
                    .flatMap(left -> fromBlocks(list, rest, blockCounts, range, left, limit, page));
        });
    }

    /** Adds the items of {@code days} to the page after skipping {@code skip}; completes with what is left to skip. */
    private Mono<Long> fromDays(String list, List<Long> days, Range range, long skip, int limit, List<Entry> page) {
        if (page.size() >= limit || days.isEmpty()) {
            return Mono.just(skip);
        }
        int chunk = Math.min(days.size(), DAYS_PER_READ);
        return items(days.subList(0, chunk).stream().map(day -> dayId(list, day)).toList())
                .filter(range::contains)
                .collectList()
                .flatMap(entries -> {
                    entries.sort(range.comparator());
                    long toSkip = skip;
                    for (Entry entry : entries) {
                        if (toSkip > 0) {
                            toSkip--;
                        } else if (page.size() < limit) {
                            page.add(entry);
                        }
                    }
                    return fromDays(list, days.subList(chunk, days.size()), range, toSkip, limit, page);
                });
    }

    private Flux<Entry> items(List<String> dayIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(dayIds)), Document.class, collection)
                .flatMapIterable(day -> day.getList("items", Document.class, List.of()))
                .map(item -> new Entry(item.getString("i"), Instant.ofEpochMilli(item.getLong("t"))));
    }

    private Mono<TreeMap<Long, Long>> counts(String id, String field) {
        return mongo.findById(id, Document.class, collection)
                .map(doc -> {
                    TreeMap<Long, Long> counts = new TreeMap<>();
                    Document byKey = doc.get(field, Document.class);
                    if (byKey != null) {
                        byKey.forEach((key, n) -> {
                            if (((Number) n).longValue() > 0) {
                                counts.put(Long.parseLong(key), ((Number) n).longValue());
                            }
                        });
                    }
                    return counts;
                })
                .defaultIfEmpty(new TreeMap<>());
    }

    private Mono<Void> count(String list, long day, int delta) {
        long block = Math.floorDiv(day, DAYS_PER_BLOCK);
        // one request for both counts: the store's cost is per request, and every new entry pays it
        return mongo.bulkOps(BulkMode.UNORDERED, collection)
                .upsert(byId(list + "|b" + block), new Update().inc("days." + day, delta))
                .upsert(byId(list), new Update().inc("blocks." + block, delta))
                .execute()
                .then();
    }

    private static long sum(TreeMap<Long, Long> counts, LongPredicate included) {
        return counts.entrySet().stream().filter(e -> included.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private static long day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay();
    }

    private static String dayId(String list, long day) {
        return list + "|d" + day;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
