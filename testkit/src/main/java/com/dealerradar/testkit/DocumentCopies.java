package com.dealerradar.testkit;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Why every query of our collections answers copies: mongo-java-server updates a stored document in
 * place, under the collection's lock, but encodes a query's answer onto the wire after it left that
 * lock. A reader that was handed the stored instance could thus send half of a concurrent update (a
 * torn read that breaks every version guard above it), or fail the encoding and drop its connection.
 * With copies, an update changes a copy and puts it back whole, and an answer is never changed again.
 */
final class DocumentCopies {

    private DocumentCopies() {
    }

    static List<Document> of(List<Document> documents) {
        List<Document> copies = new ArrayList<>(documents.size());
        documents.forEach(document -> copies.add(document.cloneDeeply()));
        return copies;
    }
}
