package com.runway.inventory.command;

import com.runway.inventory.api.RegisterSkuCommand;
import com.runway.shared.CommandRejection;

/** The rules a SKU's registration and stock movements must satisfy before anything is recorded. */
final class StockRules {

    static final int MAX_ON_HAND = 10_000_000;
    static final int MAX_NAME_LENGTH = 200;

    private StockRules() {
    }

    static void requireValidRegistration(RegisterSkuCommand command, MarketplaceCurrency currency) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw CommandRejection.unprocessable("name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw CommandRejection.unprocessable("name must not contain control characters");
        }
        if (!currency.accepts(command.unitPrice())) {
            throw CommandRejection.unprocessable("unitPrice must be in " + currency.code() + ", the marketplace currency");
        }
        if (command.unitPrice().amount().signum() <= 0) {
            throw CommandRejection.unprocessable("unitPrice must be greater than zero");
        }
        if (command.initialStock() < 0 || command.initialStock() > MAX_ON_HAND) {
            throw CommandRejection.unprocessable("initialStock must be 0 to " + MAX_ON_HAND);
        }
    }

    static void requireValidQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_ON_HAND) {
            throw CommandRejection.unprocessable("quantity must be 1 to " + MAX_ON_HAND);
        }
    }
}
