package com.runway.queryside;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedDocumentsTest {

    private final Codec<Document> codec = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    @Test
    void a_document_is_encoded_as_the_driver_encodes_it_into_exactly_its_own_bytes() {
        Document step = step("order-1", 42);

        RawBsonDocument ours = EncodedDocuments.encode(step, codec);
        RawBsonDocument drivers = new RawBsonDocument(step, codec);

        assertThat(ours.getByteBuffer().asNIO()).isEqualTo(drivers.getByteBuffer().asNIO());
        assertThat(arrayLength(ours)).isEqualTo(ours.getByteBuffer().remaining());
        assertThat(arrayLength(drivers)).as("the driver keeps its working buffer").isGreaterThan(drivers.getByteBuffer().remaining());
        assertThat(ours.decode(codec)).isEqualTo(step);
    }

    @Test
    void documents_encoded_one_after_another_do_not_share_bytes() {
        RawBsonDocument first = EncodedDocuments.encode(step("order-1", 1), codec);
        RawBsonDocument second = EncodedDocuments.encode(step("order-22", 2), codec);

        assertThat(first.decode(codec)).isEqualTo(step("order-1", 1));
        assertThat(second.decode(codec)).isEqualTo(step("order-22", 2));
    }

    @Test
    void a_document_larger_than_the_kept_buffer_is_encoded_whole_and_the_next_one_is_exact_again() {
        Document large = new Document("_id", "big").append("text", "x".repeat(100_000));

        RawBsonDocument encoded = EncodedDocuments.encode(large, codec);
        RawBsonDocument next = EncodedDocuments.encode(step("order-3", 3), codec);

        assertThat(encoded.decode(codec)).isEqualTo(large);
        assertThat(next.decode(codec)).isEqualTo(step("order-3", 3));
        assertThat(arrayLength(next)).isEqualTo(next.getByteBuffer().remaining());
    }

    private static Document step(String orderId, long position) {
        return new Document("position", position).append("at", new Date(1_700_000_000_000L)).append("context", "inventory")
                .append("aggregateId", orderId).append("event", "StockReservedEvent").append("lines", List.of("SKU-1", "SKU-2"));
    }

    private static int arrayLength(RawBsonDocument document) {
        return document.getByteBuffer().asNIO().array().length;
    }
}
