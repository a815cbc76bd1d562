package com.runway.queryside;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Documents encoded once into exactly as many bytes as they take. The driver's own
 * {@code new RawBsonDocument(document, codec)} keeps its 1 KB working buffer as the document's bytes,
 * so a staged journey of nine ~300-byte steps held 9 KB; here each thread encodes into one buffer it
 * keeps, and the document gets a copy of what was written.
 */
final class EncodedDocuments {

    private static final int KEPT_BUFFER_BYTES = 64 * 1024;
    private static final ThreadLocal<BasicOutputBuffer> BUFFERS = ThreadLocal.withInitial(() -> new BasicOutputBuffer(4096));
    private static final EncoderContext CONTEXT = EncoderContext.builder().build();

    private EncodedDocuments() {
    }

    static RawBsonDocument encode(Document document, Codec<Document> codec) {
        BasicOutputBuffer buffer = BUFFERS.get();
        buffer.truncateToPosition(0);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            codec.encode(writer, document, CONTEXT);
        }
        RawBsonDocument encoded = new RawBsonDocument(buffer.toByteArray());
        if (buffer.size() > KEPT_BUFFER_BYTES) {
            BUFFERS.remove();
        }
        return encoded;
    }
}
