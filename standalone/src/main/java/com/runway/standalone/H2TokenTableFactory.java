package com.runway.standalone;

import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;

/**
 * The token table with the token kept in the row ({@code VARBINARY}) rather than as a {@code BLOB}:
 * H2 keeps each BLOB in a separate LOB store, so every token update (one per saga batch) wrote a new
 * LOB, queued the old one for removal and, on every later commit, asked the (busy) LOB cleaner thread to run
 * again, which it refused by throwing (with a stack trace) until the cleaner was free. A store created
 * with a {@code BLOB} column keeps working; Axon reads and writes both as bytes.
 */
final class H2TokenTableFactory extends GenericTokenTableFactory {

    static final H2TokenTableFactory INSTANCE = new H2TokenTableFactory();
    /** A gap-aware token lists its gaps; Axon keeps at most 10,000 of them, far below this. */
    static final int MAX_TOKEN_BYTES = 16 * 1024 * 1024;

    private H2TokenTableFactory() {
    }

    @Override
    protected String tokenType() {
        return "VARBINARY(" + MAX_TOKEN_BYTES + ")";
    }
}
