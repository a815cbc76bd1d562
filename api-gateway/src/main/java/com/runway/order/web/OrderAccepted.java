package com.runway.order.web;

/** The answer to a placed order: where to follow it. */
public record OrderAccepted(String orderId) {
}
