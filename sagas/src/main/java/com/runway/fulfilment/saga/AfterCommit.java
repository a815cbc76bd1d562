package com.runway.fulfilment.saga;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs actions once the current unit of work has committed, as an operation of their own. Axon's
 * deadline managers enlist a cancellation in whatever unit of work is current, to run at its
 * prepare-commit; called from an after-commit handler that unit of work is past that phase, the
 * registration is refused and nothing is cancelled (every payment timeout then fired 30 s later, to
 * find nothing to do). So the units of work on this thread are set aside while the actions run.
 *
 * <p>All actions registered during one root unit of work (one batch of the saga's events) run
 * together in one transaction: one cancellation per order, each in its own commit, had cost the
 * embedded store a write of its pages per order.
 */
final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);
    private static final String RESOURCE = AfterCommit.class.getName();

    private AfterCommit() {
    }

    static void run(TransactionManager transactions, Runnable action) {
        if (!CurrentUnitOfWork.isStarted()) {
            transactions.executeInTransaction(action);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Runnable> pending = root.getOrComputeResource(RESOURCE, key -> {
            List<Runnable> actions = new ArrayList<>();
            root.afterCommit(committed -> outsideUnitsOfWork(() -> transactions.executeInTransaction(() -> actions.forEach(AfterCommit::runAlone))));
            return actions;
        });
        pending.add(action);
    }

    /** One action failing leaves the others of its batch to run. */
    private static void runAlone(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException failed) {
            log.warn("An action after commit failed; the others of its batch still run", failed);
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
