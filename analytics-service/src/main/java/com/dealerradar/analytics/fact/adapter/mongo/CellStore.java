package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.Cells;
import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * The dashboard cells, one document each, {@code _id} = view | period | scope. Read only by
 * {@code _id $in} a bounded list; written only by a conditional replace on the version that was
 * read (or an insert where there was none).
 */
public class CellStore implements Cells {

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public CellStore(ReactiveMongoTemplate mongo, GenerationCollections generation) {
        this.mongo = mongo;
        this.collection = generation.of(GenerationCollections.CELLS);
    }

    @Override
    public Mono<Map<String, Cell>> read(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)
                .collectMap(d -> d.getString("_id"), CellStore::toCell)
                .map(cells -> (Map<String, Cell>) cells);
    }

    @Override
    public Mono<Map<String, Long>> versions(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("version");
        return mongo.find(query, Document.class, collection)
                .collectMap(d -> d.getString("_id"), d -> ((Number) d.get("version")).longValue());
    }

    /**
     * One bulk request for the cells of a recompute (one per view), not one request each: the store's
     * cost is per request, and a history import recomputes thousands of cells. An insert that meets a
     * cell created meanwhile, or a replace that meets a newer version, leaves that cell to the next try.
     */
    @Override
    public Mono<Boolean> replaceAll(List<Cell> cells) {
        if (cells.isEmpty()) {
            return Mono.just(true);
        }
        List<WriteModel<Document>> writes = cells.stream().map(CellStore::write).toList();
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
                .map(result -> result.getInsertedCount() + result.getMatchedCount() == cells.size())
                .onErrorResume(MongoBulkWriteException.class, e -> e.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)
                        ? Mono.just(false) : Mono.error(e));
    }

    @Override
    public Cell asStored(Cell written) {
        return toCell(toDocument(written));
    }

    private static WriteModel<Document> write(Cell cell) {
        Document doc = toDocument(cell);
        if (cell.version() == 0) {
            return new InsertOneModel<>(doc);
        }
        return new ReplaceOneModel<>(new Document("_id", cell.id()).append("version", cell.version()), doc);
    }

    static Document toDocument(Cell cell) {
        List<Document> rows = cell.rows().stream()
                .map(row -> RollupDocuments.toDocument(cell.view(), cell.scope(), row)).toList();
        return new Document("_id", cell.id()).append("version", cell.version() + 1)
                .append("view", cell.view().name()).append("period", cell.period())
                .append("level", cell.scope().level().name()).append("scope", cell.scope().name())
                .append("rows", rows);
    }

    static Cell toCell(Document d) {
        CellView view = CellView.valueOf(d.getString("view"));
        String period = d.getString("period");
        CellScope scope = new CellScope(CellScope.Level.valueOf(d.getString("level")), d.getString("scope"));
        return new Cell(d.getString("_id"), view, period, scope, ((Number) d.get("version")).longValue(),
                d.getList("rows", Document.class, List.of()).stream()
                        .map(row -> RollupDocuments.toRollup(period, row)).toList());
    }
}
