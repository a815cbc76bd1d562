package com.runway.shared.boot;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplaySilentMonitorTest {

    private final List<String> measured = new ArrayList<>();
    private final MessageMonitor<Message<?>> monitor = new ReplaySilentMonitor(message -> new MessageMonitor.MonitorCallback() {
        @Override
        public void reportSuccess() {
            measured.add(message.getPayload() + " handled");
        }

        @Override
        public void reportFailure(Throwable cause) {
            measured.add(message.getPayload() + " failed");
        }

        @Override
        public void reportIgnored() {
            measured.add(message.getPayload() + " ignored");
        }
    });

    @Test
    void liveEventsAreMeasuredAsTheDelegateMeasuresThem() {
        monitor.onMessageIngested(tracked("placed", new GlobalSequenceTrackingToken(7))).reportSuccess();
        monitor.onMessageIngested(tracked("priced", new GlobalSequenceTrackingToken(8))).reportIgnored();
        monitor.onMessageIngested(tracked("confirmed", new GlobalSequenceTrackingToken(9))).reportFailure(new IllegalStateException());

        assertThat(measured).containsExactly("placed handled", "priced ignored", "confirmed failed");
    }

    @Test
    void replayedEventsAreNotMeasured() {
        TrackedEventMessage<?> replayed = tracked("placed", ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(7)));
        assertThat(ReplayToken.isReplay(replayed)).isTrue();

        monitor.onMessageIngested(replayed).reportSuccess();
        monitor.onMessagesIngested(List.of(replayed)).values().forEach(MessageMonitor.MonitorCallback::reportIgnored);
        monitor.onMessageIngested(tracked("after the replay", new GlobalSequenceTrackingToken(101))).reportSuccess();

        assertThat(measured).containsExactly("after the replay handled");
    }

    private static TrackedEventMessage<?> tracked(String payload, TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload));
    }
}
