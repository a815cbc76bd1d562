package com.runway.queryside;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.Codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The read models' MongoDB collections, rebuilt without downtime: while a projection replays,
 * queries keep reading the live collection and the projection writes a new copy beside it; once
 * the replay has caught up the copy is renamed over the live one in one step, so a reader sees
 * either the old model or the new one, never an empty or half-built one.
 */
public class ReadModelCollections {

    private static final String REBUILD_SUFFIX = "_rebuild";
    private static final int NAMESPACE_EXISTS = 48;
    /** Per copy; three copies of the reference store's size (43,000 documents) staged took ~26 MB of BSON values. */
    public static final int STAGED_DOCUMENTS = 20_000;
    private final MongoDatabase database;
    private final int stagedDocuments;
    private final Codec<Document> documentCodec;
    private final Map<String, Rebuildable> collections = new ConcurrentHashMap<>();

    public ReadModelCollections(MongoDatabase readModelDatabase) {
        this(readModelDatabase, STAGED_DOCUMENTS);
    }

    /** {@code stagedDocuments}: how many documents of a copy being replayed are held in memory at most (see {@link StagedCopy}). */
    public ReadModelCollections(MongoDatabase readModelDatabase, int stagedDocuments) {
        this.database = readModelDatabase;
        this.stagedDocuments = stagedDocuments;
        this.documentCodec = readModelDatabase.getCodecRegistry().get(Document.class);
    }

    /** The collection {@code name}; {@code indexes} creates its indexes, on the live copy now and on each fresh copy. */
    public Rebuildable of(String name, Consumer<MongoCollection<Document>> indexes) {
        return collections.computeIfAbsent(name, n -> new Rebuildable(n, indexes));
    }

    /** The collection of a read model already set up, by its name. */
    public Rebuildable named(String name) {
        Rebuildable collection = collections.get(name);
        if (collection == null) {
            throw new IllegalArgumentException("no read model collection " + name);
        }
        return collection;
    }

    /** Adds {@code members} to the set {@code field} of document {@code id}, creating the document if it is new. */
    static WriteModel<Document> setAddition(Object id, String field, List<Document> members) {
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.addEachToSet(field, members), new UpdateOptions().upsert(true));
    }

    public final class Rebuildable {

        private final String name;
        private final Consumer<MongoCollection<Document>> indexes;
        private final ReadWriteLock swap = new ReentrantReadWriteLock();
        private volatile boolean rebuilding;
        private volatile StagedCopy staged;

        private Rebuildable(String name, Consumer<MongoCollection<Document>> indexes) {
            this.name = name;
            this.indexes = indexes;
            indexes.accept(live());
        }

        /** The live copy, where queries read (through {@link #read}). */
        public MongoCollection<Document> live() {
            return database.getCollection(name);
        }

        /**
         * Runs a query against the live copy, never during the moment the rebuilt copy replaces it:
         * the embedded server's rename drops the old collection before the new one takes its name,
         * and a read in between found an empty model (caught by ZeroDowntimeReplayTest).
         */
        public <T> T read(Function<MongoCollection<Document>, T> query) {
            swap.readLock().lock();
            try {
                return query.apply(live());
            } finally {
                swap.readLock().unlock();
            }
        }

        /**
         * A projection's change: written with the rest of its batch when the batch has been handled
         * (see {@link WriteBatch}), or at once when no batch is being collected.
         */
        public void submit(WriteModel<Document> change) {
            if (stagedDuringReplay(copy -> copy.apply(change), () -> change)) {
                return;
            }
            WriteBatch.current().ifPresentOrElse(batch -> batch.add(this, change), () -> apply(List.of(change)));
        }

        /**
         * Adds {@code member} to the set {@code field} of document {@code id}, creating the document if
         * it is new. Within a batch, one document's additions are written as one.
         */
        public void addToSet(Object id, String field, Document member) {
            if (staged != null && stagedDuringReplay(copy -> copy.addToSet(bson(id), field, bson(member)), () -> setAddition(id, field, List.of(member)))) {
                return;
            }
            WriteBatch.current().ifPresentOrElse(batch -> batch.addToSet(this, id, field, member),
                    () -> apply(List.of(setAddition(id, field, List.of(member)))));
        }

        /**
         * Hands {@code then} the document {@code id} as it stands once the changes submitted before
         * this call are written (nothing if there is no such document); a batch reads each once.
         */
        public void afterWrite(Object id, Consumer<Document> then) {
            endStaging();
            WriteBatch.current().ifPresentOrElse(batch -> batch.afterWrite(this, id, then),
                    () -> Optional.ofNullable(written(c -> c.find(Filters.eq("_id", id)).first())).ifPresent(then));
        }

        /**
         * While the copy is rebuilt from replayed events, their changes are made in memory and written
         * once per document ({@link StagedCopy}); the first event past the replay, or a change the
         * staging does not understand, writes what is staged (the latter then goes to the copy itself).
         */
        private boolean stagedDuringReplay(Predicate<StagedCopy> staging, Supplier<WriteModel<Document>> change) {
            StagedCopy copy = staged;
            if (copy == null) {
                return false;
            }
            boolean replaying = CurrentUnitOfWork.map(unitOfWork -> ReplayToken.isReplay(unitOfWork.getMessage())).orElse(false);
            if (!replaying) {
                endStaging();
                return false;
            }
            if (!staging.test(copy)) {
                // at once, not with the batch: a later change to the same document may be staged and read it back
                apply(List.of(change.get()));
            }
            return true;
        }

        private BsonValue bson(Object id) {
            return id instanceof String text ? new BsonString(text) : bson(new Document("_id", id)).get("_id");
        }

        /** Encoded once, as the bytes it is written as: a staged journey holds its steps as a few arrays rather than trees of values. */
        private BsonDocument bson(Document document) {
            return EncodedDocuments.encode(document, documentCodec);
        }

        /** Writes what is staged to the copy; changes are written as they come from here on. */
        private void endStaging() {
            StagedCopy copy = staged;
            if (copy != null) {
                copy.close();
                staged = null;
            }
        }

        /** Writes {@code changes}, in order, to the copy being written. */
        void apply(List<WriteModel<Document>> changes) {
            written(c -> c.bulkWrite(changes, new BulkWriteOptions().ordered(true)));
        }

        /** Runs {@code work} against the copy being written: the live one, or the new one during a rebuild. */
        <T> T written(Function<MongoCollection<Document>, T> work) {
            swap.readLock().lock();
            try {
                return work.apply(rebuilding ? database.getCollection(name + REBUILD_SUFFIX) : live());
            } finally {
                swap.readLock().unlock();
            }
        }

        public boolean rebuilding() {
            return rebuilding;
        }

        /**
         * From now on the projection writes a fresh copy; readers stay on the live one. The copy is
         * created before it is dropped, so the drop never names a missing collection, which MongoDB
         * ignores but the embedded server logs as an error.
         */
        public void beginRebuild() {
            swap.writeLock().lock();
            try {
                MongoCollection<Document> fresh = database.getCollection(name + REBUILD_SUFFIX);
                try {
                    database.createCollection(name + REBUILD_SUFFIX);
                } catch (MongoCommandException exists) {
                    if (exists.getErrorCode() != NAMESPACE_EXISTS) {
                        throw exists;
                    }
                }
                fresh.drop();
                indexes.accept(fresh);
                staged = new StagedCopy(fresh, stagedDocuments);
                rebuilding = true;
            } finally {
                swap.writeLock().unlock();
            }
        }

        /**
         * The fresh copy replaces the live one, atomically for readers; writes go to it from now on. Its
         * indexes are made again: MongoDB keeps them through a rename, the embedded server does not.
         */
        public void completeRebuild() {
            endStaging();
            swap.writeLock().lock();
            try {
                if (!rebuilding) {
                    return;
                }
                if (database.listCollectionNames().into(new ArrayList<>()).contains(name + REBUILD_SUFFIX)) {
                    database.getCollection(name + REBUILD_SUFFIX).renameCollection(
                            new MongoNamespace(database.getName(), name), new RenameCollectionOptions().dropTarget(true));
                } else {
                    live().drop();
                }
                rebuilding = false;
            } finally {
                swap.writeLock().unlock();
            }
            indexes.accept(live());
        }
    }
}
