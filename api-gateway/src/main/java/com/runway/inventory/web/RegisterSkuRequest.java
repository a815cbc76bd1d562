package com.runway.inventory.web;

import com.runway.gateway.PlainText;
import com.runway.gateway.MoneyRequest;
import com.runway.inventory.api.Sku;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterSkuRequest(
        @NotNull @Pattern(regexp = Sku.FORMAT, message = "must match " + Sku.FORMAT) String sku,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String name,
        @NotNull @Valid MoneyRequest unitPrice,
        @NotNull @Min(0) @Max(10_000_000) Integer initialStock) {
}
