package com.runway.shared;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * UUIDs of version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, then a 12-bit
 * counter, then 62 random bits. Their text sorts in the order they were made (strictly, within one
 * JVM, even within one millisecond or when the clock steps back), so a B-tree keyed by them takes each
 * new key at its right edge: the event store's indexes, the sagas' tables and the read models' documents
 * keep appending to a few recent pages instead of reading and rewriting a random page of a large index
 * for every row. What they give away is the moment they were made, which the records they name carry
 * anyway; the random part comes from {@link SecureRandom}, as {@link UUID#randomUUID()}'s does.
 */
public final class TimeOrderedIds {

    private static final TimeOrderedIds INSTANCE = new TimeOrderedIds(System::currentTimeMillis, new SecureRandom());
    private static final int COUNTER_BITS = 12;
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long RANDOM_62_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final LongSupplier clock;
    private final SecureRandom random;
    /** The last id's millisecond and counter, as one number: the next is above it, and never before its own millisecond. */
    private final AtomicLong last = new AtomicLong();

    TimeOrderedIds(LongSupplier clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public static String next() {
        return INSTANCE.nextUuid().toString();
    }

    UUID nextUuid() {
        long now = clock.getAsLong() << COUNTER_BITS;
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, now));
        long millis = stamp >>> COUNTER_BITS;
        long counter = stamp & ((1L << COUNTER_BITS) - 1);
        return new UUID(millis << 16 | VERSION_7 | counter, VARIANT | random.nextLong() & RANDOM_62_BITS);
    }
}
