package com.runway.fulfilment.saga;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs an action once the current unit of work has committed, as an operation of its own. Axon's
 * deadline managers enlist a cancellation in whatever unit of work is current, to run at its
 * prepare-commit; called from an after-commit handler that unit of work is past that phase, the
 * registration is refused and nothing is cancelled (every payment timeout then fired 30 s later, to
 * find nothing to do). So the units of work on this thread are set aside while the action runs.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(committed -> outsideUnitsOfWork(action));
        } else {
            action.run();
        }
    }

    private static void outsideUnitsOfWork(Runnable action) {
        Deque<UnitOfWork<?>> suspended = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            suspended.push(current);
        }
        try {
            action.run();
        } finally {
            while (!suspended.isEmpty()) {
                CurrentUnitOfWork.set(suspended.pop());
            }
        }
    }
}
