package com.runway.gateway;

import java.time.Duration;

/** How long the gateway waits for a command's or a query's answer before it gives up on it. */
public record GatewaySettings(Duration commandTimeout, Duration queryTimeout) {
}
