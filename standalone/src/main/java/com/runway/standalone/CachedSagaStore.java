package com.runway.standalone;

import com.runway.shared.boot.BoundedCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;

import java.util.Set;

/**
 * Keeps sagas and their association look-ups in memory between the events that drive them, in front
 * of the saga store: reading each saga back from its table and deserializing it for every event was
 * a sixth of the saga thread's time. Safe here because one JVM handles all of them.
 * <p>
 * Two rules keep the cache from ever holding what the store does not:
 * <ul>
 *     <li>only the handling of events (and deadlines), which is what changes sagas, reads through it and
 *     fills it; anything else (the admin API's inspector) reads the store, so it can neither see a
 *     batch's uncommitted state nor cache a look-up that misses a saga inserted but not yet committed;</li>
 *     <li>a unit of work that touched it and rolls back empties it: the saga objects it handed out may
 *     have changed in memory, and its writes never reached the table.</li>
 * </ul>
 */
final class CachedSagaStore implements SagaStore<Object> {

    private final SagaStore<Object> store;
    private final SagaStore<Object> cached;
    private final Cache sagas;
    private final Cache associations;
    private final String rollbackKey = CachedSagaStore.class.getName() + "@" + System.identityHashCode(this);

    CachedSagaStore(SagaStore<Object> store, int capacity) {
        this.store = store;
        this.sagas = new BoundedCache(capacity);
        this.associations = new BoundedCache(capacity);
        this.cached = CachingSagaStore.<Object>builder().delegateSagaStore(store).sagaCache(sagas).associationsCache(associations).build();
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        return handlingEvent() ? cached.findSagas(sagaType, associationValue) : store.findSagas(sagaType, associationValue);
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        return handlingEvent() ? cached.loadSaga(sagaType, sagaIdentifier) : store.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        forgetOnRollback();
        cached.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        forgetOnRollback();
        cached.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        forgetOnRollback();
        cached.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    private boolean handlingEvent() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?>)) {
            return false;
        }
        forgetOnRollback();
        return true;
    }

    private void forgetOnRollback() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.resources().computeIfAbsent(rollbackKey, key -> {
            root.onRollback(unitOfWork -> forget());
            return Boolean.TRUE;
        });
    }

    private void forget() {
        sagas.removeAll();
        associations.removeAll();
    }
}
