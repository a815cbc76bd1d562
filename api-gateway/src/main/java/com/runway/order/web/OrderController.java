package com.runway.order.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runway.gateway.GatewaySettings;
import com.runway.gateway.LiveUpdates;
import com.runway.gateway.InvalidRequestException;
import com.runway.gateway.Messaging;
import com.runway.gateway.NotFoundException;
import com.runway.gateway.Parameters;
import com.runway.inventory.api.Sku;
import com.runway.journey.api.FindOrderJourneyQuery;
import com.runway.journey.api.OrderJourney;
import com.runway.order.api.CustomerId;
import com.runway.order.api.FindOrderQuery;
import com.runway.order.api.ListOrdersQuery;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderPage;
import com.runway.order.api.OrderStatus;
import com.runway.order.api.OrderView;
import com.runway.order.api.PlaceOrderCommand;
import com.runway.order.api.RequestOrderCancellationCommand;
import com.runway.order.api.ShippingAddress;
import com.runway.order.api.WatchOrdersQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class OrderController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Messaging messaging;
    private final QueryGateway queryGateway;
    private final ObjectMapper objectMapper;
    private final GatewaySettings settings;

    public OrderController(Messaging messaging, QueryGateway queryGateway, ObjectMapper objectMapper, GatewaySettings settings) {
        this.messaging = messaging;
        this.queryGateway = queryGateway;
        this.objectMapper = objectMapper;
        this.settings = settings;
    }

    /**
     * 202 once the order's first event is stored. With an {@code Idempotency-Key} the order id is
     * derived from the customer and the key, so a retry reaches the same order and places nothing new.
     */
    @PostMapping
    @Operation(summary = "Place an order; fulfilment continues asynchronously")
    public Mono<ResponseEntity<OrderAccepted>> place(
            @Parameter(description = "Makes retries safe: the same key and body return the same order")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        requireDistinctSkus(request);
        CustomerId customerId = new CustomerId(request.customerId());
        OrderId orderId = orderIdFor(customerId, idempotencyKey);
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), line.quantity()))
                .toList();
        PlaceOrderRequest.Address a = request.shippingAddress();
        PlaceOrderCommand command = new PlaceOrderCommand(orderId, customerId, lines,
                new ShippingAddress(a.name(), a.street(), a.city(), a.postalCode(), a.country()),
                request.paymentToken(), fingerprint(request), request.salesChannel());
        return messaging.sendRetryingConflicts(idempotencyKey == null ? command.underNewId() : command)
                .thenReturn(ResponseEntity.accepted()
                        .location(URI.create("/api/orders/" + orderId))
                        .body(new OrderAccepted(orderId.value())));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order as the read model has it (eventually consistent)")
    public Mono<OrderView> find(@PathVariable("orderId") String orderId) {
        OrderId id = Parameters.parse("orderId", orderId, OrderId::new);
        return messaging.queryOne(new FindOrderQuery(id), OrderView.class, "no order " + id);
    }

    @GetMapping("/{orderId}/journey")
    @Operation(summary = "Every event of the order's flow across contexts, in order, with correlation and causation ids")
    public Mono<OrderJourney> journey(@PathVariable("orderId") String orderId) {
        OrderId id = Parameters.parse("orderId", orderId, OrderId::new);
        return messaging.queryOne(new FindOrderJourneyQuery(id), OrderJourney.class, "no order " + id);
    }

    @GetMapping
    @Operation(summary = "Orders, newest first, optionally of one customer and in one status")
    public Mono<OrderPage> list(@RequestParam(name = "customerId", required = false) String customerId,
                                @RequestParam(name = "status", required = false) String status,
                                @RequestParam(name = "page", defaultValue = "0") int page,
                                @RequestParam(name = "size", defaultValue = "20") int size) {
        Parameters.requirePage(page, size);
        CustomerId customer = customerId == null ? null : Parameters.parse("customerId", customerId, CustomerId::new);
        OrderStatus wanted = status == null ? null : Parameters.parse("status", status, s -> {
            try {
                return OrderStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status must be one of " + java.util.Arrays.toString(OrderStatus.values()));
            }
        });
        return messaging.query(new ListOrdersQuery(customer, wanted, page, size), ResponseTypes.instanceOf(OrderPage.class));
    }

    /**
     * Every change to the order as it happens, ending with its terminal status. A client usually
     * subscribes right after placing, before the read model has the order, so an order not yet
     * visible is waited for (up to the gateway's updates grace) before the answer is 404. An order
     * may wait days for its carrier, so a keep-alive comment is sent while nothing changes, before
     * proxies drop the idle connection.
     */
    @GetMapping(path = "/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of one order as server-sent events, closing at a terminal status")
    public Mono<ResponseEntity<Flux<ServerSentEvent<OrderView>>>> updates(@PathVariable("orderId") String orderId) {
        OrderId id = Parameters.parse("orderId", orderId, OrderId::new);
        return Mono.defer(() -> {
            var subscription = queryGateway.subscriptionQuery(new FindOrderQuery(id),
                    ResponseTypes.optionalInstanceOf(OrderView.class), ResponseTypes.instanceOf(OrderView.class));
            Flux<OrderView> views = Flux.concat(subscription.initialResult().flatMap(Mono::justOrEmpty),
                            LiveUpdates.handedOver(subscription.updates(), settings.updatesBuffer(), "the updates of " + id))
                    .takeUntil(view -> view.status().isTerminal())
                    .doFinally(signal -> subscription.cancel())
                    .cache();
            Flux<ServerSentEvent<OrderView>> keepAlive = Flux.interval(settings.updatesKeepAlive())
                    .map(tick -> ServerSentEvent.<OrderView>builder().comment("keep-alive").build())
                    .takeUntilOther(views.then());
            Flux<ServerSentEvent<OrderView>> events = Flux.merge(
                    views.map(view -> ServerSentEvent.builder(view).event("order").build()), keepAlive);
            return views.next()
                    .timeout(settings.updatesGrace())
                    .onErrorMap(TimeoutException.class, e -> notFound(id))
                    .doOnError(e -> subscription.cancel())
                    .map(first -> ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                            .body(events.doOnCancel(subscription::cancel)));
        });
    }

    /** Every order's changes as they happen, after the newest {@code size}: what a live dashboard shows. */
    @GetMapping(path = "/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of all orders as server-sent events, starting with the newest ones")
    public Flux<ServerSentEvent<OrderView>> allUpdates(@RequestParam(name = "size", defaultValue = "20") int size) {
        Parameters.requirePage(0, size);
        return Flux.defer(() -> {
            var subscription = queryGateway.subscriptionQuery(new WatchOrdersQuery(size),
                    ResponseTypes.instanceOf(OrderPage.class), ResponseTypes.instanceOf(OrderView.class));
            Flux<OrderView> views = Flux.concat(
                    subscription.initialResult().flatMapIterable(OrderController::oldestFirst),
                    LiveUpdates.handedOver(subscription.updates(), settings.updatesBuffer(), "all orders' updates"));
            Flux<ServerSentEvent<OrderView>> keepAlive = Flux.interval(settings.updatesKeepAlive())
                    .map(tick -> ServerSentEvent.<OrderView>builder().comment("keep-alive").build());
            return Flux.merge(views.map(view -> ServerSentEvent.builder(view).event("order").build()), keepAlive)
                    .doFinally(signal -> subscription.cancel());
        });
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Ask to cancel an order; refused (409) once it has shipped or ended")
    public Mono<ResponseEntity<Void>> cancel(@PathVariable("orderId") String orderId) {
        OrderId id = Parameters.parse("orderId", orderId, OrderId::new);
        return messaging.send(new RequestOrderCancellationCommand(id), "no order " + id)
                .thenReturn(ResponseEntity.accepted().location(URI.create("/api/orders/" + id)).build());
    }

    private static List<OrderView> oldestFirst(OrderPage page) {
        List<OrderView> views = new java.util.ArrayList<>(page.items());
        java.util.Collections.reverse(views);
        return views;
    }

    private static NotFoundException notFound(OrderId id) {
        return new NotFoundException("no order " + id);
    }

    private static void requireDistinctSkus(PlaceOrderRequest request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            String sku = request.lines().get(i).sku();
            if (!seen.add(sku)) {
                throw InvalidRequestException.unprocessable("lines[" + i + "].sku",
                        "lines[" + i + "].sku " + sku + " appears on more than one line");
            }
        }
    }

    private static OrderId orderIdFor(CustomerId customerId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return OrderId.generate();
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw InvalidRequestException.badField("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return new OrderId(UUID.nameUUIDFromBytes(("order\n" + customerId + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private String fingerprint(PlaceOrderRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(objectMapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
