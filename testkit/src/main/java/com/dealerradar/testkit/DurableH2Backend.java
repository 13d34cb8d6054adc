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

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        // a read leaves nothing unsaved and costs no commit
        if (getMvStore().hasUnsavedChanges()) {
            getMvStore().commit();
        }
        return response;
    }
}
