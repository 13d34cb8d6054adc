package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.application.Cells;
import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.generation.adapter.mongo.GenerationCollections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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
    public Mono<Boolean> replace(Cell cell) {
        Document doc = toDocument(cell);
        if (cell.version() == 0) {
            return mongo.insert(doc, collection).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Document unchanged = new Document("_id", cell.id()).append("version", cell.version());
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.replaceOne(unchanged, doc)))
                .map(result -> result.getMatchedCount() == 1);
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
