package com.dealerradar.testkit;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * An in-memory embedded store on a free loopback port, with a reactive template on one of its databases: for
 * the tests of a store adapter that need no Spring context. Registered ({@code @RegisterExtension}) on a static
 * field it serves the whole class; on an instance field every test gets an empty store of its own.
 */
public final class InMemoryStore implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final String database;
    private boolean perClass;
    private EmbeddedMongo store;
    private MongoClient client;
    private ReactiveMongoTemplate template;

    public InMemoryStore(String database) {
        this.database = database;
    }

    /** The template on this store's database; only while a test runs. */
    public ReactiveMongoTemplate template() {
        if (template == null) {
            throw new IllegalStateException("the store runs only while a test of the class registering it runs");
        }
        return template;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    private void open() {
        store = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(store.connectionString());
        template = new ReactiveMongoTemplate(client, database);
    }

    private void close() {
        template = null;
        try {
            client.close();
        } finally {
            store.close();
        }
    }
}
