package com.runway.fulfilment.saga;

import com.runway.fulfilment.api.FindFulfilmentQuery;
import com.runway.fulfilment.api.FulfilmentView;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads a live fulfilment saga from the saga store, the only place its state exists, for the admin API. */
@Component
public class FulfilmentInspector {

    private final SagaStore<Object> sagaStore;

    public FulfilmentInspector(SagaStore<Object> sagaStore) {
        this.sagaStore = sagaStore;
    }

    @QueryHandler
    public Optional<FulfilmentView> handle(FindFulfilmentQuery query) {
        return sagaStore.findSagas(FulfilmentSaga.class, new AssociationValue(FulfilmentSaga.ORDER_ID, query.orderId().value()))
                .stream()
                .map(sagaId -> sagaStore.loadSaga(FulfilmentSaga.class, sagaId))
                .filter(entry -> entry != null && entry.saga() != null)
                .map(entry -> ((FulfilmentSaga) entry.saga()).view())
                .findFirst();
    }
}
