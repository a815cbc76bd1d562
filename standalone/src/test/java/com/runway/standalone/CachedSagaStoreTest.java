package com.runway.standalone;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class CachedSagaStoreTest {

    static final class Process {
        String step = "started";
    }

    private static final AssociationValue ORDER = new AssociationValue("orderId", "o-1");

    private final CountingStore store = new CountingStore();
    private final CachedSagaStore cached = new CachedSagaStore(store, 100);

    @Test
    void anEventHandlerReadsASagaFromTheStoreOnceAndThenFromMemory() {
        inEvent(() -> cached.insertSaga(Process.class, "s-1", new Process(), Set.of(ORDER)));

        Set<String> found = inEvent(() -> cached.findSagas(Process.class, ORDER));
        inEvent(() -> cached.findSagas(Process.class, ORDER));
        inEvent(() -> cached.loadSaga(Process.class, "s-1"));
        inEvent(() -> cached.loadSaga(Process.class, "s-1"));

        assertThat(found).containsExactly("s-1");
        assertThat(store.finds).isEqualTo(1);
        assertThat(store.loads).isZero();
    }

    @Test
    void readsOutsideEventHandlingGoToTheStoreAndLeaveTheCacheAlone() {
        store.insertSaga(Process.class, "s-1", new Process(), Set.of(ORDER));

        inQuery(() -> cached.loadSaga(Process.class, "s-1"));
        inQuery(() -> cached.findSagas(Process.class, ORDER));
        cached.loadSaga(Process.class, "s-1");
        inEvent(() -> cached.loadSaga(Process.class, "s-1"));
        inEvent(() -> cached.findSagas(Process.class, ORDER));

        assertThat(store.loads).as("query, no unit of work, first event handler").isEqualTo(3);
        assertThat(store.finds).as("query, first event handler").isEqualTo(2);
    }

    @Test
    void anInspectorLookingUpAnOrderWhileItsSagaIsBeingStartedDoesNotHideTheSagaFromItsNextEvents() throws Exception {
        UnitOfWork<?> starting = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("order placed"));
        cached.insertSaga(Process.class, "s-1", new Process(), Set.of(ORDER));
        CompletableFuture<Set<String>> inspector = CompletableFuture.supplyAsync(() -> inQuery(() -> cached.findSagas(Process.class, ORDER)));
        assertThat(inspector.get(10, TimeUnit.SECONDS)).as("not committed yet").isEmpty();
        starting.commit();

        assertThat(inEvent(() -> cached.findSagas(Process.class, ORDER))).containsExactly("s-1");
    }

    @Test
    void aUnitOfWorkThatRollsBackLeavesNothingOfItsChangesInMemory() {
        store.insertSaga(Process.class, "s-1", new Process(), Set.of(ORDER));
        Process loaded = inEvent(() -> cached.loadSaga(Process.class, "s-1")).saga();
        assertThat(loaded.step).isEqualTo("started");

        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("payment authorised"));
        Process handled = cached.loadSaga(Process.class, "s-1").saga();
        handled.step = "booking shipment";
        cached.updateSaga(Process.class, "s-1", handled, new AssociationValuesImpl(Set.of(ORDER)));
        failing.rollback(new IllegalStateException("the batch failed"));
        store.insertSaga(Process.class, "s-1", storedAsBefore(), Set.of(ORDER));

        Process reloaded = inEvent(() -> cached.loadSaga(Process.class, "s-1")).saga();
        assertThat(reloaded.step).isEqualTo("started");
    }

    @Test
    void anEndedSagaIsNoLongerFound() {
        inEvent(() -> cached.insertSaga(Process.class, "s-1", new Process(), Set.of(ORDER)));
        inEvent(() -> cached.findSagas(Process.class, ORDER));

        inEvent(() -> {
            cached.deleteSaga(Process.class, "s-1", Set.of(ORDER));
            return null;
        });

        assertThat(inEvent(() -> cached.findSagas(Process.class, ORDER))).isEmpty();
        assertThat(inEvent(() -> cached.loadSaga(Process.class, "s-1"))).isNull();
    }

    /** What the table holds after the rollback: the failed batch's update never reached it. */
    private static Process storedAsBefore() {
        return new Process();
    }

    private static <T> T inEvent(Supplier<T> work) {
        return inUnitOfWork(DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event")), work);
    }

    private static void inEvent(Runnable work) {
        inEvent(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T inQuery(Supplier<T> work) {
        return inUnitOfWork(DefaultUnitOfWork.startAndGet(
                new GenericQueryMessage<>("find", ResponseTypes.instanceOf(String.class))), work);
    }

    private static <T> T inUnitOfWork(UnitOfWork<?> unitOfWork, Supplier<T> work) {
        try {
            T result = work.get();
            unitOfWork.commit();
            return result;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    /** The saga table: counts the reads that reach it. */
    private static final class CountingStore implements SagaStore<Object> {

        private final InMemorySagaStore sagas = new InMemorySagaStore();
        volatile int loads;
        volatile int finds;

        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
            finds++;
            return sagas.findSagas(sagaType, associationValue);
        }

        @Override
        public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
            loads++;
            return sagas.loadSaga(sagaType, sagaIdentifier);
        }

        @Override
        public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
            sagas.deleteSaga(sagaType, sagaIdentifier, associationValues);
        }

        /** Visible to others once the inserting unit of work commits, as a row is. */
        @Override
        public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().onCommit(u -> sagas.insertSaga(sagaType, sagaIdentifier, saga, associationValues));
            } else {
                sagas.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
            }
        }

        @Override
        public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                               AssociationValues associationValues) {
            sagas.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
        }
    }
}
