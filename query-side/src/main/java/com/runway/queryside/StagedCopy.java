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
import java.util.BitSet;
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
 * a shape that is not understood sends everything staged to the copy and goes there itself. Members
 * added to a set come as values ({@link #addToSet}), not as update documents to be encoded and parsed
 * again. At most {@code capacity} documents are held: beyond that, those changed least recently are
 * written, a bulk write at a time (an order's events lie close together in the stream, so a document
 * not changed for a while is seldom changed again), and a later change to one reads it back; a new
 * document is not looked for in the copy unless an id of the same hash was written.
 */
final class StagedCopy {

    private static final Logger log = LoggerFactory.getLogger(StagedCopy.class);
    private static final int WRITES_PER_BULK = 1_000;
    private static final int WRITTEN_BITS = 1 << 23;
    private final MongoCollection<Document> target;
    private final int capacity;
    private final Map<BsonValue, Staged> documents = new LinkedHashMap<>(16, 0.75f, true);
    /** A bit per hash of the ids written to the copy: a document whose bit is clear is not there, so a new one is not looked for. */
    private final BitSet maybeWritten = new BitSet(WRITTEN_BITS);
    /** A change not understood went to the copy itself: any document may be there. */
    private boolean writtenDirectly;
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
        Staged staged = staged(applied.id());
        if (staged == null) {
            applied.upserted().ifPresent(created -> documents.put(applied.id(), new Staged(created, false)));
        } else {
            staged.document = applied.applyTo(staged.document);
        }
        writeLeastRecentIfFull();
        return true;
    }

    /**
     * Adds {@code member} to the set {@code field} of document {@code id}, creating the document if it is
     * new, as {@code $addToSet} with an upsert does; false once closed. Throws, changing nothing, if the
     * field holds something other than an array, which MongoDB would refuse too.
     */
    synchronized boolean addToSet(BsonValue id, String field, BsonDocument member) {
        if (closed) {
            return false;
        }
        Staged staged = staged(id);
        if (staged == null) {
            staged = new Staged(new BsonDocument("_id", id), false);
            documents.put(id, staged);
        }
        InMemoryChange.addToSet(staged.document, field, List.of(member));
        writeLeastRecentIfFull();
        return true;
    }

    /** The document staged as {@code id}, read back from the copy if it was written before; null if there is none. */
    private Staged staged(BsonValue id) {
        Staged staged = documents.get(id);
        if (staged == null && (writtenDirectly || maybeWritten.get(bit(id)))) {
            BsonDocument stored = target.withDocumentClass(BsonDocument.class).find(Filters.eq("_id", id)).first();
            if (stored != null) {
                staged = new Staged(stored, true);
                documents.put(id, staged);
            }
        }
        return staged;
    }

    private void writeLeastRecentIfFull() {
        if (documents.size() > capacity) {
            write(Math.max(1, Math.min(WRITES_PER_BULK, capacity / 4)));
        }
    }

    private boolean writtenInstead(WriteModel<Document> change) {
        log.debug("Not a change staged in memory, written to {} itself: {}", target.getNamespace(), change);
        writeAll();
        writtenDirectly = true;
        return false;
    }

    private static int bit(BsonValue id) {
        int hash = id.hashCode();
        return (hash ^ (hash >>> 16)) & (WRITTEN_BITS - 1);
    }

    /** Writes every staged document to the copy and forgets it; a failed write keeps what it did not write. */
    synchronized void writeAll() {
        while (!documents.isEmpty()) {
            write(WRITES_PER_BULK);
        }
    }

    /** Writes the {@code count} documents changed least recently (at most), in one bulk write, and forgets them. */
    private void write(int count) {
        MongoCollection<BsonDocument> copy = target.withDocumentClass(BsonDocument.class);
        int chunk = Math.min(count, documents.size());
        List<BsonValue> ids = new ArrayList<>(chunk);
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(chunk);
        for (Map.Entry<BsonValue, Staged> entry : documents.entrySet()) {
            Staged staged = entry.getValue();
            ids.add(entry.getKey());
            writes.add(staged.stored
                    ? new ReplaceOneModel<>(Filters.eq("_id", entry.getKey()), staged.document, new ReplaceOptions().upsert(true))
                    : new InsertOneModel<>(staged.document));
            if (writes.size() == chunk) {
                break;
            }
        }
        ids.forEach(id -> maybeWritten.set(bit(id)));
        copy.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        ids.forEach(documents::remove);
    }

    /** Writes what is staged; from now on every change is refused, to be written by the caller. */
    synchronized void close() {
        writeAll();
        closed = true;
    }
}
