package com.runway.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import org.h2.mvstore.MVStore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded server's H2 backend, with a different {@code _id} index (see {@link PrimaryKey}): a
 * query that pins {@code _id} to a value is answered from the primary key even when it has other
 * conditions too. MongoDB does that; the embedded server only uses an index when the query names
 * exactly its fields, so the projections' guarded updates ({@code _id} and "version below n")
 * scanned the whole collection: 6 ms a write at 20,000 orders, half the app's CPU in the benchmark.
 * Matching is unchanged: every document the key finds is still checked against the whole query.
 * Its databases ({@link BsonH2Database}) store documents as BSON rather than Java-serialized.
 */
final class PrimaryKeyH2Backend extends H2Backend {

    /**
     * Changes held in memory before the store writes them as a chunk, in KB. With H2's 19 MB the
     * chunks of a rebuild grew past the 4 MB write buffer H2 keeps for reuse: each chunk's buffer was
     * allocated anew, growing by doubling, every step an object the collector takes as humongous and
     * answers with a concurrent cycle (34 and 39 of them in three rebuilds, against 5 and 4 with 4 MB;
     * docs/performance.md, change 34).
     */
    static final int UNSAVED_KB = 4 * 1024;

    PrimaryKeyH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitBufferSize(UNSAVED_KB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * The {@code _id} index, also answering queries that pin {@code _id} beside other conditions.
     * It remembers where the most recently used string ids are, sparing the projections' updates a
     * look-up in the index map (a third of the server's time while that map compared keys by
     * Java-serializing them; {@link KeyValueType} now compares string keys directly). Every change to
     * the index goes through here, so what it remembers stays true; an id it has forgotten is looked
     * up in the index again.
     */
    static final class PrimaryKey extends Index<Object> {

        static final int REMEMBERED = 50_000;
        private final Index<Object> index;
        private final Map<String, Object> positions = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > REMEMBERED;
            }
        });

        PrimaryKey(Index<Object> index) {
            super(index.getName(), index.getKeys(), false);
            this.index = index;
        }

        /** The value {@code _id} must equal, at the top level or in a top-level {@code $and}; empty if the query doesn't pin one. */
        static Optional<Object> pinnedId(Document query) {
            Object id = query.get("_id");
            if (isPlainValue(id)) {
                return Optional.of(id);
            }
            if (query.size() == 1 && query.get("$and") instanceof List<?> conditions) {
                return conditions.stream()
                        .filter(c -> c instanceof Document condition && condition.size() == 1 && isPlainValue(condition.get("_id")))
                        .map(c -> ((Document) c).get("_id"))
                        .findFirst();
            }
            return Optional.empty();
        }

        private static boolean isPlainValue(Object value) {
            return value instanceof String || value instanceof Number || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
        }

        @Override
        public boolean canHandle(Document query) {
            return index.canHandle(query) || pinnedId(query).isPresent();
        }

        @Override
        public Iterable<Object> getPositions(Document query) {
            Optional<Object> pinned = pinnedId(query);
            if (pinned.isPresent() && pinned.get() instanceof String id) {
                Object position = remembered(id, () -> index.getPosition(new Document("_id", id)));
                return position == null ? List.of() : List.of(position);
            }
            return index.canHandle(query) ? index.getPositions(query) : index.getPositions(new Document("_id", pinned.orElseThrow()));
        }

        @Override
        public Object getPosition(Document document) {
            return document.get("_id") instanceof String id ? remembered(id, () -> index.getPosition(document)) : index.getPosition(document);
        }

        private Object remembered(String id, Supplier<Object> lookUp) {
            Object position = positions.get(id);
            if (position == null) {
                position = lookUp.get();
                if (position != null) {
                    positions.put(id, position);
                }
            }
            return position;
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
            index.checkAdd(document, collection);
        }

        @Override
        public void add(Document document, Object position, MongoCollection<Object> collection) {
            index.add(document, position, collection);
            if (document.get("_id") instanceof String id) {
                positions.put(id, position);
            }
        }

        @Override
        public Object remove(Document document) {
            forget(document);
            return index.remove(document);
        }

        private void forget(Document document) {
            if (document.get("_id") instanceof String id) {
                positions.remove(id);
            }
        }

        @Override
        public long getCount() {
            return index.getCount();
        }

        @Override
        public boolean isEmpty() {
            return index.isEmpty();
        }

        @Override
        public long getDataSize() {
            return index.getDataSize();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
            index.checkUpdate(oldDocument, newDocument, collection);
        }

        @Override
        public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
                throws KeyConstraintError {
            if (!Objects.equals(oldDocument.get("_id"), newDocument.get("_id"))) {
                forget(oldDocument);
                forget(newDocument);
            }
            index.updateInPlace(oldDocument, newDocument, position, collection);
        }

        @Override
        public void drop() {
            positions.clear();
            index.drop();
        }

        @Override
        public boolean isUnique() {
            return index.isUnique();
        }
    }
}
