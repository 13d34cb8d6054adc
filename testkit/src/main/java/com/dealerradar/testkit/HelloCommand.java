package com.dealerradar.testkit;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server answers the legacy {@code isMaster} handshake but not {@code hello}, its name since
 * MongoDB 4.4.2, which Spring Boot's Mongo health indicator sends: without this, {@code /actuator/health}
 * reports the store DOWN while every query works. Both backends run {@code hello} as {@code isMaster} and
 * add the field that names a primary in the newer reply.
 */
final class HelloCommand {

    private static final String NAME = "hello";

    private HelloCommand() {}

    /** The command the library should run for {@code command}. */
    static String known(String command) {
        return command.equals(NAME) ? "isMaster" : command;
    }

    /** The reply to {@code command}, given the library's reply to {@link #known(String) its known name}. */
    static Document reply(String command, Document reply) {
        if (command.equals(NAME)) {
            reply.put("isWritablePrimary", reply.get("ismaster"));
        }
        return reply;
    }
}
