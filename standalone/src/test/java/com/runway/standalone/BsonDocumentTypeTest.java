package com.runway.standalone;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTest {

    @Test
    void aDocumentReadsBackAsItWasWritten() {
        Document document = new Document("_id", "ord-1").append("version", 3L).append("total", 19.99)
                .append("lines", List.of(new Document("sku", "SKU-1").append("quantity", 2)));

        assertThat(roundTrip(document)).isEqualTo(document);
    }

    /** The server changes stored documents in place while H2's writer may be writing them (see BsonDocumentType.encode). */
    @Test
    void aDocumentChangedWhileItIsWrittenIsWrittenWholeInOneOfItsStates() throws InterruptedException {
        Document document = new Document("_id", "ord-1").append("version", 1L);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread server = new Thread(() -> {
            for (long version = 2; writing.get(); version++) {
                document.remove("status");
                document.put("version", version);
                document.put("status", "V" + version);
                LockSupport.parkNanos(20_000);
            }
        });
        server.start();
        try {
            for (int i = 0; i < 20_000; i++) {
                Document read = roundTrip(document);
                assertThat(read.get("_id")).isEqualTo("ord-1");
                assertThat(read.get("version")).isInstanceOf(Long.class);
            }
        } finally {
            writing.set(false);
            server.join();
        }
    }

    private static Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        return BsonDocumentType.INSTANCE.read(buffer.getBuffer().flip());
    }
}
