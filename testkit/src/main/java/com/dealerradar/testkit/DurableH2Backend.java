package com.dealerradar.testkit;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend of the local stack, made durable: every command that changed the store is committed
 * to the file before it is answered. Unpatched, MVStore commits from a background thread about once a
 * second, so a process killed with SIGKILL loses the writes it acknowledged in the last second. The commit
 * writes to the file without forcing it to the disk: the writes survive the process, not a power cut.
 */
class DurableH2Backend extends IdLookupH2Backend {

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(String fileName) {
        MVStore store = MVStore.open(fileName);
        // Each commit writes the changed pages as a new chunk (some 30 KB for one document), and MVStore
        // keeps the chunks they replace for 45 s by default: at a few hundred writes a second the file grew
        // by more than 500 MB. That retention covers a disk that has not yet flushed its buffers, i.e. a
        // power cut, which these commits do not promise to survive anyway; without it the file stays small.
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed command: whatever it changed before failing is in the file before the answer
            commitToFile();
        }
    }

    /**
     * {@code commit()} writes the changes nobody has committed yet, and waits for that write. Changes that
     * MVStore's background thread took into a commit of its own just before may still be on their way to
     * the file (it writes asynchronously); the empty file-store operation waits until every write begun
     * has reached the file. The background thread stays, as it is also what compacts the file.
     */
    private void commitToFile() {
        MVStore store = getMvStore();
        store.commit();
        store.executeFilestoreOperation(() -> { });
    }
}
