package com.runway.queryside;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacedTokenStoreTest {

    private static final TrackingToken RESET_AT = new GlobalSequenceTrackingToken(1_000);
    private final List<String> written = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final TokenStore tokens = new PacedTokenStore(new RecordingTokenStore(), Duration.ofSeconds(1), clock);

    @Test
    void aProjectionWritesItsPositionAndClaimAtMostOncePerInterval() {
        tokens.extendClaim("orders", 0);
        tokens.storeToken(live(0), "orders", 0);
        for (int batch = 1; batch <= 9; batch++) {
            clock.advance(Duration.ofMillis(100));
            tokens.extendClaim("orders", 0);
            tokens.storeToken(live(batch * 100), "orders", 0);
        }
        assertThat(written).containsExactly("extend");

        clock.advance(Duration.ofMillis(150));
        tokens.extendClaim("orders", 0);
        tokens.storeToken(live(1_000), "orders", 0);

        assertThat(written).as("the position handled before the batch renews the claim")
                .containsExactly("extend", "store 900");
        clock.advance(Duration.ofSeconds(2));
        tokens.storeToken(live(1_100), "orders", 0);
        assertThat(written).containsExactly("extend", "store 900", "store 1100");
    }

    @Test
    void anIdleProcessorThatHasHandledNothingRenewsItsClaimOncePerInterval() {
        for (int wake = 0; wake < 25; wake++) {
            tokens.extendClaim("orders", 0);
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(written).containsExactly("extend", "extend", "extend");
    }

    @Test
    void anIdleProcessorsNextClaimExtensionWritesThePositionLeftUnwritten() {
        tokens.storeToken(live(100), "orders", 0);
        tokens.storeToken(live(101), "orders", 0);
        clock.advance(Duration.ofMillis(1_100));
        tokens.extendClaim("orders", 0);
        clock.advance(Duration.ofMillis(1_100));
        tokens.extendClaim("orders", 0);

        assertThat(written).containsExactly("store 100", "store 101", "extend");
    }

    @Test
    void aPositionNotYetWrittenIsWrittenBeforeTheClaimIsReleasedOrTheTokenReadAgain() {
        tokens.storeToken(live(0), "orders", 0);
        tokens.storeToken(live(100), "orders", 0);
        tokens.releaseClaim("orders", 0);

        tokens.storeToken(replaying(200), "skus", 0);
        tokens.storeToken(replaying(300), "skus", 0);
        tokens.fetchToken("skus", 0);

        assertThat(written).containsExactly("store 0", "store 100", "release", "store 200", "store 300", "fetch");
    }

    @Test
    void theResetOfAStoppedProcessorIsWrittenAtOnce() {
        tokens.storeToken(live(900), "orders", 0);
        tokens.storeToken(live(1_000), "orders", 0);
        tokens.releaseClaim("orders", 0);
        tokens.storeToken(replaying(-1), "orders", 0);
        tokens.fetchToken("orders", 0);
        tokens.storeToken(replaying(99), "orders", 0);

        assertThat(written).containsExactly("store 900", "store 1000", "release", "store 0", "fetch", "store 99");
    }

    @Test
    void withAZeroIntervalEveryPositionAndClaimIsWrittenAsAxonDoes() {
        TokenStore unpaced = new PacedTokenStore(new RecordingTokenStore(), Duration.ZERO, clock);
        unpaced.extendClaim("orders", 0);
        unpaced.storeToken(live(1), "orders", 0);
        unpaced.extendClaim("orders", 0);
        unpaced.storeToken(live(2), "orders", 0);

        assertThat(written).containsExactly("extend", "store 1", "extend", "store 2");
    }

    private static TrackingToken live(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static TrackingToken replaying(long position) {
        return ReplayToken.createReplayToken(RESET_AT, position < 0 ? null : new GlobalSequenceTrackingToken(position));
    }

    private final class RecordingTokenStore implements TokenStore {

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            written.add("store " + token.position().orElse(-1));
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            written.add("fetch");
            return null;
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            written.add("extend");
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
            written.add("release");
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return new int[]{0};
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
