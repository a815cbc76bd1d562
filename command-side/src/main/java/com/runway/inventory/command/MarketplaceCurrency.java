package com.runway.inventory.command;

import com.runway.shared.Money;

import java.util.Currency;

/** The one currency the marketplace prices its catalogue in ({@code runway.currency}). */
public record MarketplaceCurrency(String code) {

    public MarketplaceCurrency {
        Currency.getInstance(code);
    }

    public boolean accepts(Money money) {
        return code.equals(money.currency());
    }
}
