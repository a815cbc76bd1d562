package com.runway.shared;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's ids for messages, sagas and deadlines as {@link TimeOrderedIds} instead of random UUIDs, so that
 * the tables keyed by them (the event store's unique index on event ids, the saga store, the scheduler's
 * tasks) grow at one end. Axon finds it through {@code META-INF/services}.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next();
    }
}
