package com.runway.standalone;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.Updates;
import com.runway.queryside.ReadModelCollections;
import org.bson.conversions.Bson;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrimaryKeyH2BackendTest {

    @TempDir
    Path dir;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<org.bson.Document> orders;

    @BeforeEach
    void start() {
        open();
        orders = client.getDatabase("test").getCollection("orders");
        orders.insertMany(List.of(
                new org.bson.Document("_id", "ord-1").append("version", 3L).append("status", "PLACED"),
                new org.bson.Document("_id", "ord-2").append("version", 7L).append("status", "PLACED")));
    }

    private void open() {
        server = new MongoServer(new PrimaryKeyH2Backend(dir.resolve("store.mv").toString()));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsUnderItsNewNameAcrossARestart() {
        MongoCollection<org.bson.Document> copy = client.getDatabase("test").getCollection("orders_rebuild");
        copy.insertOne(new org.bson.Document("_id", "ord-9").append("version", 1L));

        copy.renameCollection(new MongoNamespace("test", "orders"), new RenameCollectionOptions().dropTarget(true));
        stop();
        open();

        assertThat(client.getDatabase("test").listCollectionNames().into(new java.util.ArrayList<>())).containsExactly("orders");
        assertThat(client.getDatabase("test").getCollection("orders").find().into(new java.util.ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("ord-9");
        assertThat(client.getDatabase("test").getCollection("orders_rebuild").countDocuments()).isZero();
    }

    @Test
    void aGuardedUpdateByIdAppliesOnlyWhereTheWholeQueryMatches() {
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "ord-1"), Filters.lt("version", 4L)),
                Updates.set("status", "CONFIRMED")).getModifiedCount()).isEqualTo(1);
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "ord-2"), Filters.lt("version", 4L)),
                Updates.set("status", "CONFIRMED")).getModifiedCount()).isZero();
        assertThat(orders.updateOne(new org.bson.Document("_id", "ord-2").append("version", 7L),
                Updates.set("status", "REJECTED")).getModifiedCount()).isEqualTo(1);
        assertThat(orders.find().into(new java.util.ArrayList<>())).extracting(d -> d.getString("status"))
                .containsExactly("CONFIRMED", "REJECTED");
    }

    @Test
    void queriesThatDoNotPinTheIdStillScanAndMatch() {
        assertThat(orders.countDocuments(Filters.eq("status", "PLACED"))).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.in("_id", "ord-1", "ord-2", "ord-3"))).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.or(Filters.eq("_id", "ord-1"), Filters.eq("version", 7L)))).isEqualTo(2);
        assertThat(orders.countDocuments(Filters.and(Filters.eq("_id", "ord-3"), Filters.lt("version", 99L)))).isZero();
    }

    @Test
    void recognisesOnlyAnIdPinnedToOneValue() {
        assertThat(PrimaryKeyH2Backend.PrimaryKey.pinnedId(new Document("_id", "a").append("version", new Document("$lt", 3))))
                .contains("a");
        assertThat(PrimaryKeyH2Backend.PrimaryKey.pinnedId(new Document("$and", List.of(new Document("_id", "a"), new Document("x", 1)))))
                .contains("a");
        assertThat(PrimaryKeyH2Backend.PrimaryKey.pinnedId(new Document("_id", new Document("$in", List.of("a", "b"))))).isEmpty();
        assertThat(PrimaryKeyH2Backend.PrimaryKey.pinnedId(new Document("status", "PLACED"))).isEmpty();
    }

    @Test
    void aDeletedOrReplacedDocumentIsNeverFoundWhereItWas() {
        Bson ord1 = Filters.and(Filters.eq("_id", "ord-1"), Filters.lt("version", 99L));
        assertThat(orders.find(ord1).first()).isNotNull();

        orders.deleteOne(Filters.eq("_id", "ord-1"));
        assertThat(orders.find(ord1).first()).isNull();
        assertThat(orders.updateOne(ord1, Updates.set("status", "CONFIRMED")).getMatchedCount()).isZero();

        orders.insertOne(new org.bson.Document("_id", "ord-1").append("version", 1L).append("status", "AGAIN"));
        assertThat(orders.find(ord1).first().getString("status")).isEqualTo("AGAIN");

        orders.replaceOne(Filters.eq("_id", "ord-1"), new org.bson.Document("version", 2L).append("status", "REPLACED"));
        assertThat(orders.find(ord1).first().getString("status")).isEqualTo("REPLACED");
    }

    @Test
    void aDroppedOrRenamedCollectionAnswersForWhatItHoldsNow() {
        Bson ord1 = Filters.and(Filters.eq("_id", "ord-1"), Filters.lt("version", 99L));
        assertThat(orders.find(ord1).first()).isNotNull();
        orders.drop();
        assertThat(orders.find(ord1).first()).isNull();

        MongoCollection<org.bson.Document> rebuilt = client.getDatabase("test").getCollection("orders_rebuild");
        rebuilt.insertOne(new org.bson.Document("_id", "ord-9").append("version", 1L));
        assertThat(rebuilt.find(Filters.and(Filters.eq("_id", "ord-9"), Filters.lt("version", 99L))).first()).isNotNull();
        orders.insertOne(new org.bson.Document("_id", "ord-1").append("version", 1L));
        rebuilt.renameCollection(new MongoNamespace("test", "orders"), new RenameCollectionOptions().dropTarget(true));

        assertThat(orders.find(ord1).first()).isNull();
        assertThat(orders.find(Filters.and(Filters.eq("_id", "ord-9"), Filters.lt("version", 99L))).first()).isNotNull();
    }

    @Test
    void manyMoreDocumentsThanItRemembersAreAllFound() {
        int count = PrimaryKeyH2Backend.PrimaryKey.REMEMBERED + 500;
        List<org.bson.Document> many = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new org.bson.Document("_id", "many-" + i).append("version", 1L)).toList();
        orders.insertMany(many);

        for (int i = 0; i < count; i += 997) {
            assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "many-" + i), Filters.lt("version", 2L)), Updates.set("version", 2L))
                    .getModifiedCount()).as("many-" + i).isEqualTo(1);
        }
        assertThat(orders.updateOne(Filters.and(Filters.eq("_id", "many-0"), Filters.lt("version", 2L)), Updates.set("version", 3L))
                .getMatchedCount()).isZero();
    }

    @Test
    void documentsOfEveryKindReadBackAsWrittenAfterARestart() {
        org.bson.Document written = new org.bson.Document("_id", "kinds")
                .append("int", 7).append("long", 7L).append("double", 7.5).append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("19.99")))
                .append("bool", true).append("null", null).append("date", new java.util.Date(1_700_000_000_123L))
                .append("objectId", new org.bson.types.ObjectId("65f0c0ffee0123456789abcd"))
                .append("nested", new org.bson.Document("lines", List.of(new org.bson.Document("sku", "SKU-1").append("qty", 2), "text", 3L)))
                .append("binary", new org.bson.types.Binary(new byte[] {1, 2, 3}));
        orders.insertOne(written);
        orders.updateOne(Filters.eq("_id", "kinds"), Updates.combine(Updates.inc("long", 1L), Updates.unset("bool"), Updates.set("added", "yes")));
        stop();
        open();

        org.bson.Document read = client.getDatabase("test").getCollection("orders").find(Filters.eq("_id", "kinds")).first();
        org.bson.Document expected = new org.bson.Document(written);
        expected.put("long", 8L);
        expected.remove("bool");
        expected.put("added", "yes");
        assertThat(read).isEqualTo(expected);
        assertThat(read.keySet()).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void aSecondDocumentWithTheSameUniqueKeyIsRefusedAsADuplicate() {
        orders.createIndex(new org.bson.Document("number", 1), new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
        orders.insertOne(new org.bson.Document("_id", "ord-3").append("number", 42));

        assertThat(duplicateKeyCode(() -> orders.insertOne(new org.bson.Document("_id", "ord-1")))).isEqualTo(11000);
        assertThat(duplicateKeyCode(() -> orders.insertOne(new org.bson.Document("_id", "ord-4").append("number", 42)))).isEqualTo(11000);
        stop();
        open();
        MongoCollection<org.bson.Document> reopened = client.getDatabase("test").getCollection("orders");
        assertThat(duplicateKeyCode(() -> reopened.insertOne(new org.bson.Document("_id", "ord-2")))).isEqualTo(11000);
        assertThat(duplicateKeyCode(() -> reopened.insertOne(new org.bson.Document("_id", "ord-5").append("number", 42)))).isEqualTo(11000);
        assertThat(reopened.countDocuments()).isEqualTo(3);
    }

    private static int duplicateKeyCode(Runnable write) {
        try {
            write.run();
            return 0;
        } catch (com.mongodb.MongoWriteException e) {
            return e.getCode();
        }
    }
}
