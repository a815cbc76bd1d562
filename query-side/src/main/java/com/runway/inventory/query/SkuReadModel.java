package com.runway.inventory.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.SkuPage;
import com.runway.inventory.api.SkuView;
import com.runway.queryside.MoneyDocuments;
import com.runway.queryside.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code skus} collection. Every change is guarded by the aggregate sequence number it comes
 * from, so an event delivered twice moves no figure twice.
 */
@Component
public class SkuReadModel {

    static final String COLLECTION = "skus";
    private final ReadModelCollections.Rebuildable skus;

    public SkuReadModel(ReadModelCollections collections) {
        this.skus = collections.of(COLLECTION, collection -> { });
    }

    void register(SkuView sku, long sequence) {
        skus.submit(new UpdateOneModel<>(Filters.eq("_id", sku.sku().value()),
                Updates.combine(
                        Updates.setOnInsert("name", sku.name()),
                        Updates.setOnInsert("unitPrice", MoneyDocuments.toDocument(sku.unitPrice())),
                        Updates.setOnInsert("onHand", sku.onHand()),
                        Updates.setOnInsert("reserved", sku.reserved()),
                        Updates.setOnInsert("available", sku.available()),
                        Updates.setOnInsert("version", sequence)),
                new UpdateOptions().upsert(true)));
    }

    void adjust(Sku sku, long sequence, int onHandDelta, int reservedDelta) {
        skus.submit(new UpdateOneModel<>(Filters.and(Filters.eq("_id", sku.value()), Filters.lt("version", sequence)),
                Updates.combine(
                        Updates.inc("onHand", onHandDelta),
                        Updates.inc("reserved", reservedDelta),
                        Updates.inc("available", onHandDelta - reservedDelta),
                        Updates.set("version", sequence))));
    }

    void beginRebuild() {
        skus.beginRebuild();
    }

    public Optional<SkuView> find(Sku sku) {
        return Optional.ofNullable(skus.read(c -> c.find(Filters.eq("_id", sku.value())).first())).map(SkuReadModel::toView);
    }

    public SkuPage page(int page, int size) {
        return skus.read(c -> {
            List<SkuView> items = c.find().sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                    .map(SkuReadModel::toView).into(new ArrayList<>());
            return new SkuPage(items, page, size, c.countDocuments());
        });
    }

    public List<Document> snapshot() {
        return skus.read(c -> c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }

    private static SkuView toView(Document d) {
        return new SkuView(new Sku(d.getString("_id")), d.getString("name"),
                MoneyDocuments.fromDocument(d.get("unitPrice", Document.class)),
                d.getInteger("onHand"), d.getInteger("reserved"), d.getInteger("available"));
    }

}
