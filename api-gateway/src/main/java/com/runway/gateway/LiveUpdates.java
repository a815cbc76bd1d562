package com.runway.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A subscription query's updates as one HTTP client's stream. Axon delivers an update to each
 * subscriber on the thread that emits it, which is a projection's: without the hand-over below, the
 * {@code orders} projection encoded and wrote every watching client's server-sent events itself, so
 * the read model fell further behind with every client watching, and anything thrown on the way
 * out stopped that client's stream for good while its keep-alives went on. Here the projection's
 * thread only queues the update; a client that falls more than {@code buffer} updates behind has its
 * stream failed and closed (a browser's EventSource reconnects and starts again from the current
 * page) instead of the server holding every update for it without bound.
 */
public final class LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Scheduler WRITERS = Schedulers.parallel();

    private LiveUpdates() {
    }

    /** Failed at once when the client falls behind, not after it has read what is queued for it, as it may never read again. */
    public static <U> Flux<U> handedOver(Flux<U> updates, int buffer, String stream) {
        return updates
                .onBackpressureError()
                .doOnError(Exceptions::isOverflow, overflow -> log.warn("A client of {} fell {} updates behind; its stream is closed", stream, buffer))
                .publishOn(WRITERS, false, buffer);
    }
}
