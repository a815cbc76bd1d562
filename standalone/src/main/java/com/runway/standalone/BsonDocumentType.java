package com.runway.standalone;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Stores the embedded server's documents as BSON, the form they arrive and leave in. The H2 backend
 * stored them with Java serialization, which profiles showed costing more than anything else the
 * store did: a page of documents is written whole after every change to it, and read whole when the
 * store compacts, and each document went through {@code ObjectOutputStream} field by field.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    private static final int MAX_ATTEMPTS = 1_000;

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = encode(document);
        int length = bson.readableBytes();
        buffer.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
    }

    /**
     * The server updates a stored document in place and then puts it into the map again, so a page
     * of an earlier version can be written while one of its documents changes (Java serialization
     * never noticed; an iterator does). Whatever such a write captures belongs to a version the put
     * supersedes: the page is dirty again and is written again, after the change. So the document is
     * encoded again until it holds still.
     */
    private static ByteBuf encode(Document document) {
        for (int attempt = 1; ; attempt++) {
            ByteBuf bson = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(document, bson);
                return bson;
            } catch (ConcurrentModificationException | NoSuchElementException changing) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changing;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte[] bson = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** A rough size on the heap: H2 uses it to size its page cache and to decide when a page splits. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof String string) {
            return 40 + 2 * string.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + estimate(element);
            }
            return size;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
