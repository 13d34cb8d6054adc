package com.dealerradar.testkit;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend of the local stack, made durable: every command that changed the store is committed
 * to the file before it is answered. Unpatched, MVStore commits from a background thread about once a
 * second, so a process killed with SIGKILL loses the writes it acknowledged in the last second. The commit
 * writes to the file without forcing it to the disk: the writes survive the process, not a power cut.
 *
 * <p>Commits are grouped: a command that finds a commit under way waits for it, and the next commit then
 * covers every command finished in the meantime, so concurrent clients share one file write instead of
 * queueing one each.
 */
class DurableH2Backend extends IdLookupH2Backend {

    /** Marks a file whose maps hold BSON ({@link BsonStorage}); files of the unpatched library lack it. */
    private static final String FORMAT_MAP = "dealerradar.format";
    private static final String FORMAT_KEY = "storage";
    private static final String FORMAT = "bson-1";
    /** Commands that never change the store, so they need not wait for anybody's commit. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
            "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
            "endSessions", "killCursors", "dbStats", "collStats", "serverStatus", "getParameter", "getLastError",
            "getlasterror", "whatsmyuri");

    static final String CACHE_PROPERTY = "radar.testkit.store-cache-mb";

    /** Numbers the finished commands; a command is durable once a commit that began after it has ended. */
    private final AtomicLong finishedCommands = new AtomicLong();
    private final Object commitLock = new Object();
    private long durableCommands;

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes()).open();
        // Each commit writes the changed pages as a new chunk, and MVStore keeps the chunks they replace for
        // 45 s by default: at a few hundred writes a second the file grew by more than 500 MB. That retention
        // covers a disk that has not yet flushed its buffers, i.e. a power cut, which these commits do not
        // promise to survive anyway; without it the file stays small.
        store.setRetentionTime(0);
        checkFormat(store, fileName);
        return new DurableH2Backend(store);
    }

    /**
     * Half the heap for the pages read last (MVStore's default is 16 MB), counted as the decoded documents
     * take it ({@link BsonStorage.DocumentType#getMemory}): what the cache misses is read from the file and
     * decoded again, so a store whose working set outgrows it slows down. In bench/ingest a quarter of 2 GB
     * was too little for a year's cells: the store spent the paced run decoding pages and analytics fell a
     * minute behind; with half, the lag's median was 269 ms.
     * <p>
     * {@code -D}{@value #CACHE_PROPERTY}{@code =MB} sets it instead. The count is MVStore's estimate, and on a
     * large heap under a long write load the documents alive outgrew it: in bench/analytics with 12 GB (a 6 GB
     * cache) 9.4 GB of decoded documents were alive at 350,000 leads, more than the old generation could hold
     * beside the rest, and the JVM did nothing but collect. Such a run gives the cache a smaller share.
     */
    private static int cacheMegabytes() {
        return Integer.getInteger(CACHE_PROPERTY,
                (int) Math.max(16, Runtime.getRuntime().maxMemory() / 2 / (1 << 20)));
    }

    /** A file of the unpatched library (Java-serialized maps) cannot be read as BSON: say so instead of failing later. */
    private static void checkFormat(MVStore store, String fileName) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."));
        if (hasData && !FORMAT.equals(format.get(FORMAT_KEY))) {
            store.close();
            throw new IllegalStateException("The store file " + fileName + " was written by an older version of "
                    + "the embedded store, whose format this one cannot read. Move it away (or start with another "
                    + "data directory) to begin with an empty store.");
        }
        format.put(FORMAT_KEY, FORMAT);
        store.commit();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed command: whatever it changed before failing is in the file before the answer
            long finished = finishedCommands.incrementAndGet();
            if (!isRead(command, query)) {
                commitToFile(finished);
            }
        }
    }

    private static boolean isRead(String command, Document query) {
        if (command.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages
                    && stages.stream().noneMatch(stage -> stage instanceof Document document
                            && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return READS.contains(command);
    }

    private void commitToFile(long command) {
        synchronized (commitLock) {
            if (durableCommands >= command) {
                return;
            }
            long covered = finishedCommands.get();
            writeChanges();
            durableCommands = covered;
        }
    }

    /**
     * {@code commit()} writes the changes nobody has committed yet, and waits for that write. Changes that
     * MVStore's background thread took into a commit of its own just before may still be on their way to
     * the file (it writes asynchronously); the empty file-store operation waits until every write begun
     * has reached the file. The background thread stays, as it is also what compacts the file.
     */
    private void writeChanges() {
        MVStore store = getMvStore();
        store.commit();
        store.executeFilestoreOperation(() -> { });
    }
}
