package com.runway.shipping.command;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The countries the carrier delivers to ({@code runway.shipping.countries}). */
public record ShippingPolicy(Set<String> countries) {

    public ShippingPolicy {
        countries = countries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean delivers(String country) {
        return country != null && countries.contains(country);
    }
}
