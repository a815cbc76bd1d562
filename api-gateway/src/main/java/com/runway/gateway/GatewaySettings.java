package com.runway.gateway;

import java.time.Duration;

/**
 * How long the gateway waits for a command's or a query's answer, and for a just-placed order to
 * reach the read model when a client subscribes to its updates; how often an idle updates stream
 * sends a keep-alive, and how far behind a client of one may fall before it is cut off; how many
 * requests and live update streams it admits at once, and the {@code Retry-After} it gives those it
 * turns away.
 */
public record GatewaySettings(Duration commandTimeout, Duration queryTimeout, Duration updatesGrace,
                              Duration updatesKeepAlive, int updatesBuffer, int maxRequestsInFlight,
                              int maxUpdateStreams, Duration overloadRetryAfter) {

    public GatewaySettings {
        if (maxRequestsInFlight < 1 || maxUpdateStreams < 1 || updatesBuffer < 1) {
            throw new IllegalArgumentException("runway.gateway.max-requests-in-flight, max-update-streams and updates-buffer must be at least 1");
        }
    }
}
