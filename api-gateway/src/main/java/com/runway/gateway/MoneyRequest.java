package com.runway.gateway;

import com.runway.shared.Money;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount as clients send it: {"amount": "19.99", "currency": "EUR"}. */
public record MoneyRequest(
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    /** For a request that passed validation; a well-formed code that is no currency is still refused here. */
    public Money toMoney(String field) {
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.badField(field + ".currency", field + ".currency '" + currency + "' is not an ISO 4217 currency");
        }
        return new Money(amount, currency);
    }
}
