package com.runway.queryside;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of a copy being rebuilt by a replay, changed in memory and written once each, as bulk
 * inserts, instead of every event's update going to MongoDB: a rebuild spent over half its CPU on the
 * embedded server and the driver applying one guarded update after another to the same documents.
 * Nobody reads the copy before it replaces the live model, and a replay cut short by a crash leaves
 * the copy behind unused (the live model stays), so what is only in memory here is never missed.
 * Changes are the projections' own, applied as MongoDB applies them ({@link InMemoryChange}); one of
 * a shape that is not understood sends everything staged to the copy and goes there itself. At most
 * {@code capacity} documents are held; beyond that they are written and later changes to them read
 * them back.
 */
final class StagedCopy {

    private static final Logger log = LoggerFactory.getLogger(StagedCopy.class);
    private static final int WRITES_PER_BULK = 1_000;
    private final MongoCollection<Document> target;
    private final int capacity;
    private final Map<BsonValue, Staged> documents = new LinkedHashMap<>();
    private boolean writtenBefore;
    private boolean closed;

    private static final class Staged {
        BsonDocument document;
        final boolean stored;

        Staged(BsonDocument document, boolean stored) {
            this.document = document;
            this.stored = stored;
        }
    }

    StagedCopy(MongoCollection<Document> target, int capacity) {
        this.target = target;
        this.capacity = capacity;
    }

    /**
     * Applies {@code change} in memory; false, having written what was staged, if it must go to the
     * copy itself (and always once closed).
     */
    synchronized boolean apply(WriteModel<Document> change) {
        if (closed) {
            return false;
        }
        if (!(change instanceof UpdateOneModel<Document> update) || update.getUpdate() == null) {
            return writtenInstead(change);
        }
        Optional<InMemoryChange> understood = InMemoryChange.of(
                update.getFilter().toBsonDocument(Document.class, target.getCodecRegistry()),
                update.getUpdate().toBsonDocument(Document.class, target.getCodecRegistry()),
                update.getOptions().isUpsert());
        if (understood.isEmpty()) {
            return writtenInstead(change);
        }
        InMemoryChange applied = understood.get();
        Staged staged = documents.get(applied.id());
        if (staged == null && writtenBefore) {
            BsonDocument stored = target.withDocumentClass(BsonDocument.class).find(Filters.eq("_id", applied.id())).first();
            if (stored != null) {
                staged = new Staged(stored, true);
                documents.put(applied.id(), staged);
            }
        }
        if (staged == null) {
            applied.upserted().ifPresent(created -> documents.put(applied.id(), new Staged(created, false)));
        } else {
            staged.document = applied.applyTo(staged.document);
        }
        if (documents.size() > capacity) {
            writeAll();
        }
        return true;
    }

    private boolean writtenInstead(WriteModel<Document> change) {
        log.debug("Not a change staged in memory, written to {} itself: {}", target.getNamespace(), change);
        writeAll();
        writtenBefore = true;
        return false;
    }

    /** Writes every staged document to the copy and forgets it; a failed write keeps what it did not write. */
    synchronized void writeAll() {
        MongoCollection<BsonDocument> copy = target.withDocumentClass(BsonDocument.class);
        while (!documents.isEmpty()) {
            int chunk = Math.min(WRITES_PER_BULK, documents.size());
            List<BsonValue> ids = new ArrayList<>(chunk);
            List<WriteModel<BsonDocument>> writes = new ArrayList<>(chunk);
            for (Map.Entry<BsonValue, Staged> entry : documents.entrySet()) {
                Staged staged = entry.getValue();
                ids.add(entry.getKey());
                writes.add(staged.stored
                        ? new ReplaceOneModel<>(Filters.eq("_id", entry.getKey()), staged.document, new ReplaceOptions().upsert(true))
                        : new InsertOneModel<>(staged.document));
                if (writes.size() == WRITES_PER_BULK) {
                    break;
                }
            }
            writtenBefore = true;
            copy.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            ids.forEach(documents::remove);
        }
    }

    /** Writes what is staged; from now on every change is refused, to be written by the caller. */
    synchronized void close() {
        writeAll();
        closed = true;
    }
}
