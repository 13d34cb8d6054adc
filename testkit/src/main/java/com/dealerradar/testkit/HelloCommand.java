package com.dealerradar.testkit;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server answers the legacy {@code isMaster} handshake but not {@code hello}, its name since
 * MongoDB 4.4.2, which Spring Boot's Mongo health indicator sends: without this, {@code /actuator/health}
 * reports the store DOWN while every query works. Both backends answer {@code hello} as {@code isMaster}
 * with the field that names a primary in the newer reply.
 */
final class HelloCommand {

    static final String NAME = "hello";
    static final String LEGACY_NAME = "isMaster";

    private HelloCommand() {}

    static Document fromLegacyReply(Document isMasterReply) {
        isMasterReply.put("isWritablePrimary", isMasterReply.get("ismaster"));
        return isMasterReply;
    }
}
