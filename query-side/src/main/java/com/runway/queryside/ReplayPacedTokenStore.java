package com.runway.queryside;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection's token store that, while the projection replays, writes its position and extends its
 * claim at most once per {@code interval} instead of twice for every batch: in a profiled rebuild
 * those two MongoDB round trips per batch of 100 were 7 % of the projections' threads. Live positions
 * are written as before, at once.
 * <p>
 * A position not yet written is written before the claim is released or the token is read again, so
 * a clean stop loses nothing. A crash loses at most {@code interval} of a replay's progress, and
 * those events are handled again, which the projections' idempotent updates make harmless (a replay
 * cut short by a crash restarts from the live model anyway, see {@link StagedCopy}). The claim stays
 * safe while {@code interval} is well under the store's claim timeout (10 s by default): every write
 * renews it.
 */
final class ReplayPacedTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Duration interval;
    private final Clock clock;
    private final Map<Claim, Written> replaying = new ConcurrentHashMap<>();

    private record Claim(String processorName, int segment) {
    }

    /** When a replaying segment's claim was last renewed, and the position handled since, if any. */
    private record Written(Instant at, TrackingToken unwritten) {
    }

    ReplayPacedTokenStore(TokenStore delegate, Duration interval, Clock clock) {
        this.delegate = delegate;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Claim claim = new Claim(processorName, segment);
        if (!ReplayToken.isReplay(token)) {
            replaying.remove(claim);
            delegate.storeToken(token, processorName, segment);
            return;
        }
        Written last = replaying.get(claim);
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.at().plus(interval))) {
            replaying.put(claim, new Written(last.at(), token));
            return;
        }
        delegate.storeToken(token, processorName, segment);
        replaying.put(claim, new Written(now, null));
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        Claim claim = new Claim(processorName, segment);
        Written last = replaying.get(claim);
        if (last == null) {
            delegate.extendClaim(processorName, segment);
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(last.at().plus(interval))) {
            return;
        }
        if (last.unwritten() != null) {
            delegate.storeToken(last.unwritten(), processorName, segment);
        } else {
            delegate.extendClaim(processorName, segment);
        }
        replaying.put(claim, new Written(now, null));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        writeUnwritten(processorName, segment);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        writeUnwritten(processorName, segment);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        writeUnwritten(processorName, segment.getSegmentId());
        return delegate.fetchToken(processorName, segment);
    }

    private void writeUnwritten(String processorName, int segment) {
        Written last = replaying.remove(new Claim(processorName, segment));
        if (last != null && last.unwritten() != null) {
            delegate.storeToken(last.unwritten(), processorName, segment);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        replaying.remove(new Claim(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
