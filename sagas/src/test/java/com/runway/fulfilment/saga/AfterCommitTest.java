package com.runway.fulfilment.saga;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterCommitTest {

    private final List<String> done = new ArrayList<>();

    /** Records where its transactions begin and end among the actions. */
    private final TransactionManager transactions = () -> {
        done.add("begin");
        return new Transaction() {
            @Override
            public void commit() {
                done.add("commit");
            }

            @Override
            public void rollback() {
                done.add("rollback");
            }
        };
    };

    /** What Axon's deadline managers do with a cancellation: enlist it in the current unit of work, or run it now. */
    private final Runnable enlistingCancel = () -> {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(u -> done.add("cancelled"));
        } else {
            done.add("cancelled");
        }
    };

    @AfterEach
    void noUnitOfWorkLeftBehind() {
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    @Test
    void anActionThatEnlistsInTheCurrentUnitOfWorkRunsOnceTheUnitOfWorkHasCommitted() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("payment authorised"));
        unitOfWork.onCommit(u -> done.add("committed"));

        AfterCommit.run(transactions, enlistingCancel);
        assertThat(done).isEmpty();
        unitOfWork.commit();

        assertThat(done).containsExactly("committed", "begin", "cancelled", "commit");
    }

    @Test
    void theActionsOfOneBatchRunTogetherInOneTransaction() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("batch"));
        for (String order : List.of("order-1", "order-2", "order-3")) {
            UnitOfWork<?> event = DefaultUnitOfWork.startAndGet(new GenericMessage<>(order));
            AfterCommit.run(transactions, () -> done.add("cancelled " + order));
            event.commit();
        }
        assertThat(done).isEmpty();

        batch.commit();

        assertThat(done).containsExactly("begin", "cancelled order-1", "cancelled order-2", "cancelled order-3", "commit");
    }

    @Test
    void anActionThatFailsLeavesTheOthersToRun() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("batch"));
        AfterCommit.run(transactions, () -> done.add("cancelled order-1"));
        AfterCommit.run(transactions, () -> {
            throw new IllegalStateException("the timeout is firing");
        });
        AfterCommit.run(transactions, () -> done.add("cancelled order-3"));

        batch.commit();

        assertThat(done).containsExactly("begin", "cancelled order-1", "cancelled order-3", "commit");
    }

    @Test
    void nothingRunsWhenTheUnitOfWorkRollsBack() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("payment authorised"));

        AfterCommit.run(transactions, enlistingCancel);
        unitOfWork.rollback();

        assertThat(done).isEmpty();
    }

    @Test
    void withoutAUnitOfWorkTheActionRunsAtOnce() {
        AfterCommit.run(transactions, enlistingCancel);

        assertThat(done).containsExactly("begin", "cancelled", "commit");
    }

    @Test
    void anAfterCommitHandlerCannotEnlistInTheUnitOfWorkThatIsCommitting() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("payment authorised"));
        List<Throwable> refused = new ArrayList<>();
        unitOfWork.afterCommit(u -> {
            try {
                enlistingCancel.run();
            } catch (IllegalStateException e) {
                refused.add(e);
            }
        });

        unitOfWork.commit();

        assertThat(refused).hasSize(1);
        assertThat(done).isEmpty();
    }
}
