package com.runway.order.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.runway.inventory.api.Sku;
import com.runway.order.api.CustomerId;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLineView;
import com.runway.order.api.OrderPage;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderStatus;
import com.runway.order.api.OrderView;
import com.runway.order.api.RejectionReason;
import com.runway.payment.api.PaymentId;
import com.runway.queryside.MoneyDocuments;
import com.runway.queryside.ReadModelCollections;
import com.runway.shared.Money;
import com.runway.shipping.api.ShipmentId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code orders} collection. Each change applies only if the document has not yet seen the
 * order event's sequence number, so redelivered events are no-ops.
 */
@Component
public class OrderReadModel {

    static final String COLLECTION = "orders";
    private final ReadModelCollections.Rebuildable orders;

    public OrderReadModel(ReadModelCollections collections) {
        this.orders = collections.of(COLLECTION, OrderReadModel::createIndexes);
    }

    private static void createIndexes(MongoCollection<Document> orders) {
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("placedAt")));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("placedAt")));
    }

    void insertPlaced(OrderPlacedEvent event, long sequence, Instant at) {
        List<Document> lines = event.lines().stream()
                .map(line -> new Document("sku", line.sku().value()).append("quantity", line.quantity()))
                .toList();
        orders.submit(new UpdateOneModel<>(Filters.eq("_id", event.orderId().value()),
                Updates.combine(
                        Updates.setOnInsert("customerId", event.customerId().value()),
                        Updates.setOnInsert("status", OrderStatus.PLACED.name()),
                        Updates.setOnInsert("lines", lines),
                        Updates.setOnInsert("placedAt", Date.from(at)),
                        Updates.setOnInsert("updatedAt", Date.from(at)),
                        Updates.setOnInsert("version", sequence)),
                new UpdateOptions().upsert(true)));
    }

    /** Applies {@code change} unless the order has already seen this sequence number. */
    void apply(OrderId orderId, long sequence, Instant at, Bson change) {
        orders.submit(new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", orderId.value()), Filters.lt("version", sequence)),
                Updates.combine(change, Updates.set("version", sequence), Updates.set("updatedAt", Date.from(at)))));
    }

    /** Hands {@code then} the order as it reads once the changes made so far are written; once per batch for the same {@code then}. */
    void afterWrite(OrderId orderId, Consumer<OrderView> then) {
        orders.afterWrite(orderId.value(), new AsView(then));
    }

    private record AsView(Consumer<OrderView> then) implements Consumer<Document> {
        @Override
        public void accept(Document document) {
            then.accept(toView(document));
        }
    }

    void beginRebuild() {
        orders.beginRebuild();
    }

    public Optional<OrderView> find(OrderId orderId) {
        return Optional.ofNullable(orders.read(c -> c.find(Filters.eq("_id", orderId.value())).first())).map(OrderReadModel::toView);
    }

    public OrderPage page(CustomerId customerId, OrderStatus status, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (customerId != null) {
            filters.add(Filters.eq("customerId", customerId.value()));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return orders.read(c -> {
            List<OrderView> items = c.find(filter).sort(Sorts.orderBy(Sorts.descending("placedAt"), Sorts.ascending("_id")))
                    .skip(page * size).limit(size).map(OrderReadModel::toView).into(new ArrayList<>());
            return new OrderPage(items, page, size, c.countDocuments(filter));
        });
    }

    public List<Document> snapshot() {
        return orders.read(c -> c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }

    static Document lineDocument(Sku sku, int quantity, Money unitPrice) {
        return new Document("sku", sku.value()).append("quantity", quantity).append("unitPrice", MoneyDocuments.toDocument(unitPrice));
    }

    private static OrderView toView(Document d) {
        List<OrderLineView> lines = d.getList("lines", Document.class).stream()
                .map(l -> new OrderLineView(new Sku(l.getString("sku")), l.getInteger("quantity"),
                        MoneyDocuments.fromDocument(l.get("unitPrice", Document.class))))
                .toList();
        String reason = d.getString("rejectionReason");
        String paymentId = d.getString("paymentId");
        String shipmentId = d.getString("shipmentId");
        return new OrderView(new OrderId(d.getString("_id")), new CustomerId(d.getString("customerId")),
                OrderStatus.valueOf(d.getString("status")),
                reason == null ? null : RejectionReason.valueOf(reason),
                lines,
                MoneyDocuments.fromDocument(d.get("total", Document.class)),
                paymentId == null ? null : new PaymentId(paymentId),
                shipmentId == null ? null : new ShipmentId(shipmentId),
                d.getDate("placedAt").toInstant(), d.getDate("updatedAt").toInstant());
    }
}
