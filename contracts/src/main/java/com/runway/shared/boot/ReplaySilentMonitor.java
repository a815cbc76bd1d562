package com.runway.shared.boot;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * Measures everything its delegate measures except replayed events. A replaying processor's
 * counters, timers and latency would otherwise describe history, not the system: Axon's latency
 * gauge reports a replayed event's age (hours, for a rebuild of old events) while users read the
 * live copy, and dimensional monitors look their meters up for every event, handled or ignored,
 * which was 17 % of the projections' threads in a profiled rebuild. A replay reports its progress
 * through the projection admin API instead.
 */
public final class ReplaySilentMonitor implements MessageMonitor<Message<?>> {

    private final MessageMonitor<? super Message<?>> delegate;

    public ReplaySilentMonitor(MessageMonitor<? super Message<?>> delegate) {
        this.delegate = delegate;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        return ReplayToken.isReplay(message) ? NoOpMessageMonitorCallback.INSTANCE : delegate.onMessageIngested(message);
    }
}
