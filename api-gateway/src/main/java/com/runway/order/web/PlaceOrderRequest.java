package com.runway.order.web;

import com.runway.gateway.PlainText;
import com.runway.inventory.api.Sku;
import com.runway.order.api.SalesChannel;
import com.runway.shared.Identifiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public record PlaceOrderRequest(
        @NotNull @Pattern(regexp = Identifiers.TOKEN_FORMAT, message = "must be 1 to 128 letters, digits or ._:-") String customerId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Address shippingAddress,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String paymentToken,
        SalesChannel salesChannel) {


    public record Line(
            @NotNull @Pattern(regexp = Sku.FORMAT, message = "must match " + Sku.FORMAT) String sku,
            @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    public record Address(
            @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String name,
            @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String street,
            @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String city,
            @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as PT") String country) {
    }
}
