package com.runway.order.command;

import com.runway.order.api.OrderLine;
import com.runway.order.api.PlaceOrderCommand;
import com.runway.order.api.ShippingAddress;
import com.runway.shared.CommandRejection;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** What a placed order must look like; the gateway validates requests too, this guards every other sender. */
final class OrderPlacementPolicy {

    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 100;
    static final int MAX_TEXT = 200;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private OrderPlacementPolicy() {
    }

    static void requireValid(PlaceOrderCommand command) {
        if (command.lines().isEmpty() || command.lines().size() > MAX_LINES) {
            throw CommandRejection.unprocessable("an order has 1 to " + MAX_LINES + " lines");
        }
        Set<Object> skus = new HashSet<>();
        for (OrderLine line : command.lines()) {
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw CommandRejection.unprocessable("quantity of " + line.sku() + " must be 1 to " + MAX_QUANTITY);
            }
            if (!skus.add(line.sku())) {
                throw CommandRejection.unprocessable("sku " + line.sku() + " appears on more than one line");
            }
        }
        ShippingAddress address = command.shippingAddress();
        requireText("shippingAddress.name", address.name());
        requireText("shippingAddress.street", address.street());
        requireText("shippingAddress.city", address.city());
        requireText("shippingAddress.postalCode", address.postalCode());
        if (address.country() == null || !COUNTRY.matcher(address.country()).matches()) {
            throw CommandRejection.unprocessable("shippingAddress.country must be an ISO 3166-1 alpha-2 code");
        }
        requireText("paymentToken", command.paymentToken());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw CommandRejection.unprocessable(field + " must be 1 to " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw CommandRejection.unprocessable(field + " must not contain control characters");
        }
    }
}
