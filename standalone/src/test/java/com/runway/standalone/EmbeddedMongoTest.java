package com.runway.standalone;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoreInTheEarlierFormatIsDiscardedAndANewOneServes() throws IOException {
        Files.writeString(dataDir.resolve("read-models.mv"), "documents Java-serialized");
        EmbeddedMongo embedded = new EmbeddedMongo();

        EmbeddedMongo.EmbeddedReadModelStore store = embedded.embeddedReadModelStore(dataDir);
        try (MongoClient client = embedded.mongoClient(store)) {
            client.getDatabase("runway").getCollection("orders").insertOne(new org.bson.Document("_id", "ord-1"));
            assertThat(client.getDatabase("runway").getCollection("orders").countDocuments()).isEqualTo(1);
        } finally {
            store.close();
        }

        assertThat(dataDir.resolve("read-models.mv")).doesNotExist();
        assertThat(dataDir.resolve(EmbeddedMongo.STORE_FILE)).exists();
        assertThat(dataDir.resolve("read-models.open")).doesNotExist();
    }
}
