package com.runway.gateway;

import java.time.Duration;

/**
 * How long the gateway waits for a command's or a query's answer, and for a just-placed order to
 * reach the read model when a client subscribes to its updates; how often an idle updates stream
 * sends a keep-alive.
 */
public record GatewaySettings(Duration commandTimeout, Duration queryTimeout, Duration updatesGrace,
                              Duration updatesKeepAlive) {
}
