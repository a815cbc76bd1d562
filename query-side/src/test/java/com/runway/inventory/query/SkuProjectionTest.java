package com.runway.inventory.query;

import com.runway.queryside.ReadModelCollections;
import com.runway.inventory.api.FindSkuQuery;
import com.runway.inventory.api.ListSkusQuery;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.SkuRegisteredEvent;
import com.runway.inventory.api.SkuView;
import com.runway.inventory.api.StockReleasedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.inventory.api.StockRestockedEvent;
import com.runway.inventory.api.StockShippedEvent;
import com.runway.order.api.OrderId;
import com.runway.queryside.EmbeddedMongo;
import com.runway.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SkuProjectionTest {

    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final Sku SKU = new Sku("TSHIRT-RED-M");
    private static final Money PRICE = Money.of("19.99", "EUR");
    private static final OrderId ORDER = new OrderId("order-1");

    private ReadModelCollections collections;
    private SkuReadModel readModel;
    private SkuProjection projection;

    @BeforeEach
    void setUp() {
        collections = new ReadModelCollections(mongo.database());
        readModel = new SkuReadModel(collections);
        projection = new SkuProjection(readModel);
    }

    private SkuView view() {
        return new SkuQueryHandler(readModel).handle(new FindSkuQuery(SKU)).orElseThrow();
    }

    @Test
    void stockFiguresFollowEveryMovement() {
        projection.on(new SkuRegisteredEvent(SKU, "Red T-shirt M", PRICE, 10), 0);
        assertThat(view()).isEqualTo(new SkuView(SKU, "Red T-shirt M", PRICE, 10, 0, 10));

        projection.on(new StockReservedEvent(SKU, ORDER, 3, PRICE), 1);
        assertThat(view()).isEqualTo(new SkuView(SKU, "Red T-shirt M", PRICE, 10, 3, 7));

        projection.on(new StockShippedEvent(SKU, ORDER, 2), 2);
        assertThat(view()).isEqualTo(new SkuView(SKU, "Red T-shirt M", PRICE, 8, 1, 7));

        projection.on(new StockReleasedEvent(SKU, ORDER, 1), 3);
        projection.on(new StockRestockedEvent(SKU, 5), 4);
        assertThat(view()).isEqualTo(new SkuView(SKU, "Red T-shirt M", PRICE, 13, 0, 13));
    }

    @Test
    void aRedeliveredMovementIsCountedOnce() {
        projection.on(new SkuRegisteredEvent(SKU, "Red T-shirt M", PRICE, 10), 0);
        projection.on(new SkuRegisteredEvent(SKU, "Red T-shirt M", PRICE, 10), 0);
        projection.on(new StockReservedEvent(SKU, ORDER, 3, PRICE), 1);
        projection.on(new StockReservedEvent(SKU, ORDER, 3, PRICE), 1);
        assertThat(view()).isEqualTo(new SkuView(SKU, "Red T-shirt M", PRICE, 10, 3, 7));
    }

    @Test
    void theCatalogueIsPagedInSkuOrder() {
        for (String code : new String[]{"C-1", "A-1", "B-1"}) {
            projection.on(new SkuRegisteredEvent(new Sku(code), code, PRICE, 1), 0);
        }
        var page = new SkuQueryHandler(readModel).handle(new ListSkusQuery(0, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(v -> v.sku().value()).containsExactly("A-1", "B-1");
    }

    @Test
    void aResetKeepsTheLiveCatalogueUntilTheRebuiltOneReplacesIt() {
        projection.on(new SkuRegisteredEvent(SKU, "Red T-shirt M", PRICE, 10), 0);
        projection.reset();
        assertThat(readModel.find(SKU)).as("still answered from the live copy").isPresent();
        collections.named("skus").completeRebuild();
        assertThat(readModel.find(SKU)).as("nothing was replayed into the rebuilt copy").isEmpty();
    }
}
