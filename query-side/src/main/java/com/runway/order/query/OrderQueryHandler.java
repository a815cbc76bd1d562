package com.runway.order.query;

import com.runway.order.api.FindOrderQuery;
import com.runway.order.api.ListOrdersQuery;
import com.runway.order.api.OrderPage;
import com.runway.order.api.OrderView;
import com.runway.order.api.OrderPage;
import com.runway.order.api.WatchOrdersQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
public class OrderQueryHandler {

    private final OrderReadModel readModel;

    public OrderQueryHandler(OrderReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrderQuery query) {
        return readModel.find(query.orderId());
    }

    @QueryHandler
    public OrderPage handle(WatchOrdersQuery query) {
        return readModel.page(null, null, 0, query.size());
    }

    @QueryHandler
    public OrderPage handle(ListOrdersQuery query) {
        return readModel.page(query.customerId(), query.status(), query.page(), query.size());
    }
}
