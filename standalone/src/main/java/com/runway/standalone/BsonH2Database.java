package com.runway.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * A database of the embedded server in one H2 file, laid out as the H2 backend lays it out (a data
 * and a meta map per collection, a map per unique index) but with documents stored as BSON
 * ({@link BsonDocumentType}), string index keys compared as strings ({@link KeyValueType}), and the
 * {@code _id} index answering pinned-id queries ({@link PrimaryKeyH2Backend.PrimaryKey}).
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    private static final String DATA_MAP = "databases.";
    private static final String META_MAP = "meta.";
    private static final String INDEX_MAP = "._index_";
    private final MVStore mvStore;

    BsonH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.mvStore = mvStore;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = mvStore.openMap(DATA_MAP + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        return new H2Collection(this, collectionName, options, data, mvStore.openMap(META_MAP + namespace), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<Object, Object> map = mvStore.openMap(indexMap(getFullCollectionNamespace(collectionName), indexName),
                new MVMap.Builder<>().keyType(new KeyValueType()));
        Index<Object> index = new UniqueIndexMap(map, indexName, keys, sparse);
        return keys.size() == 1 && keys.get(0).getKey().equals("_id") ? new PrimaryKeyH2Backend.PrimaryKey(index) : index;
    }

    private static String indexMap(String namespace, String indexName) {
        return namespace + INDEX_MAP + indexName;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        removeMap(indexMap(getFullCollectionNamespace(collection.getCollectionName()), indexName));
    }

    /** The H2 backend left a dropped collection's index maps behind, to be found again by the next collection of that name. */
    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        removeMap(DATA_MAP + namespace);
        removeMap(META_MAP + namespace);
        removeMapsStartingWith(namespace + INDEX_MAP);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        removeMapsStartingWith(DATA_MAP + databaseName + ".");
        removeMapsStartingWith(META_MAP + databaseName + ".");
        removeMapsStartingWith(databaseName + ".");
    }

    /**
     * Every map of the collection is renamed by the name it had. (H2's own move read the collection's
     * name after it had changed and so renamed nothing, nor did it rename index maps: after a restart
     * every read model a replay had swapped in read as empty.)
     */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String from = ((BsonH2Database) oldDatabase).getFullCollectionNamespace(collection.getCollectionName());
        List<String> indexes = collection.getIndexes().stream().map(Index::getName).toList();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String to = getFullCollectionNamespace(newCollectionName);
        renameMap(DATA_MAP + from, DATA_MAP + to);
        renameMap(META_MAP + from, META_MAP + to);
        indexes.forEach(index -> renameMap(indexMap(from, index), indexMap(to, index)));
    }

    private void renameMap(String from, String to) {
        if (!mvStore.hasMap(from)) {
            return;
        }
        removeMap(to);
        mvStore.renameMap(mvStore.openMap(from), to);
    }

    private void removeMap(String name) {
        if (mvStore.hasMap(name)) {
            mvStore.removeMap(name);
        }
    }

    private void removeMapsStartingWith(String prefix) {
        mvStore.getMapNames().stream().filter(name -> name.startsWith(prefix)).toList().forEach(this::removeMap);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = mvStore.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
