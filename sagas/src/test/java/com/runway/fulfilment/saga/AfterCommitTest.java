package com.runway.fulfilment.saga;

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

        AfterCommit.run(enlistingCancel);
        assertThat(done).isEmpty();
        unitOfWork.commit();

        assertThat(done).containsExactly("committed", "cancelled");
    }

    @Test
    void nothingRunsWhenTheUnitOfWorkRollsBack() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("payment authorised"));

        AfterCommit.run(enlistingCancel);
        unitOfWork.rollback();

        assertThat(done).isEmpty();
    }

    @Test
    void withoutAUnitOfWorkTheActionRunsAtOnce() {
        AfterCommit.run(enlistingCancel);

        assertThat(done).containsExactly("cancelled");
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
