package com.runway.inventory.web;

import com.runway.gateway.ConflictException;
import com.runway.gateway.InvalidRequestException;
import com.runway.gateway.Messaging;
import com.runway.gateway.Parameters;
import com.runway.inventory.api.FindSkuQuery;
import com.runway.inventory.api.ListSkusQuery;
import com.runway.inventory.api.RegisterSkuCommand;
import com.runway.inventory.api.RestockSkuCommand;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.SkuPage;
import com.runway.inventory.api.SkuView;
import com.runway.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@RequestMapping("/api/skus")
@Tag(name = "Catalogue and stock")
public class SkuController {

    private final Messaging messaging;
    private final String marketplaceCurrency;

    public SkuController(Messaging messaging, @Value("${runway.currency:EUR}") String marketplaceCurrency) {
        this.messaging = messaging;
        this.marketplaceCurrency = marketplaceCurrency;
    }

    @PostMapping
    @Operation(summary = "Register a SKU with its price and initial stock")
    public Mono<ResponseEntity<Void>> register(@Valid @RequestBody RegisterSkuRequest request) {
        Money price = request.unitPrice().toMoney("unitPrice");
        if (!marketplaceCurrency.equals(price.currency())) {
            throw InvalidRequestException.unprocessable("unitPrice.currency",
                    "unitPrice.currency must be " + marketplaceCurrency + ", the marketplace currency");
        }
        Sku sku = new Sku(request.sku());
        return messaging.send(new RegisterSkuCommand(sku, request.name(), price, request.initialStock()))
                .onErrorMap(AggregateStreamCreationException.class, e -> new ConflictException("SKU " + sku + " is already registered"))
                .thenReturn(ResponseEntity.created(URI.create("/api/skus/" + sku)).build());
    }

    @PostMapping("/{sku}/restock")
    @Operation(summary = "Add received units to a SKU's stock on hand")
    public Mono<ResponseEntity<Void>> restock(@PathVariable("sku") String sku, @Valid @RequestBody RestockRequest request) {
        Sku id = Parameters.parse("sku", sku, Sku::new);
        return messaging.send(new RestockSkuCommand(id, request.quantity()), "no SKU " + id)
                .thenReturn(ResponseEntity.accepted().build());
    }

    @GetMapping("/{sku}")
    @Operation(summary = "A SKU's stock figures: onHand, reserved, available")
    public Mono<SkuView> find(@PathVariable("sku") String sku) {
        Sku id = Parameters.parse("sku", sku, Sku::new);
        return messaging.queryOne(new FindSkuQuery(id), SkuView.class, "no SKU " + id);
    }

    @GetMapping
    @Operation(summary = "The catalogue, a page at a time, in SKU order")
    public Mono<SkuPage> list(@RequestParam(name = "page", defaultValue = "0") int page,
                              @RequestParam(name = "size", defaultValue = "20") int size) {
        Parameters.requirePage(page, size);
        return messaging.query(new ListSkusQuery(page, size), ResponseTypes.instanceOf(SkuPage.class));
    }
}
