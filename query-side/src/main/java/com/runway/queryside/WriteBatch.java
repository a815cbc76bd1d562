package com.runway.queryside;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The read-model changes of one batch of events, written together when the batch has been handled:
 * one ordered {@code bulkWrite} per collection instead of a round trip per event (a bulk write costs
 * the embedded server about a fifth of single writes per document), and one read of the documents
 * whose new state is pushed to live subscribers. Members added to a document's set are written as
 * one addition per document, after that collection's other changes (set additions commute). The
 * writes go out while the batch's unit of work is still open, before its token is stored, so a failed
 * write fails the batch and it is handled again.
 */
public final class WriteBatch {

    private static final Logger log = LoggerFactory.getLogger(WriteBatch.class);
    private static final String RESOURCE = WriteBatch.class.getName();
    private final Map<ReadModelCollections.Rebuildable, List<WriteModel<Document>>> changes = new LinkedHashMap<>();
    private final Map<ReadModelCollections.Rebuildable, Map<Object, Map<String, List<Document>>>> setMembers = new LinkedHashMap<>();
    private final Map<ReadModelCollections.Rebuildable, Map<Object, Set<Consumer<Document>>>> followUps = new LinkedHashMap<>();

    private WriteBatch() {
    }

    /** The batch being handled on this thread, if its processor collects writes. */
    static Optional<WriteBatch> current() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.root().<WriteBatch>getResource(RESOURCE));
    }

    /**
     * Registered on each read model's processor: collects the batch's writes and sends them after its
     * last event. A batch whose writes fail is handled again one write per event, so that the event
     * whose write fails is the one dead-lettered (its order parked, every other flowing) rather than
     * the whole batch retried for ever; the writes are idempotent, so those already made are no-ops.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return new Collector();
    }

    private static final class Collector implements MessageHandlerInterceptor<EventMessage<?>> {

        private volatile boolean writeEachEvent;

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                return chain.proceed();
            }
            if (writeEachEvent) {
                Object result = chain.proceed();
                if (batch.isLastMessage()) {
                    batch.onCommit(committed -> {
                        log.info("A batch handled one write per event has committed; collecting writes again");
                        writeEachEvent = false;
                    });
                }
                return result;
            }
            WriteBatch writes = batch.root().getOrComputeResource(RESOURCE, key -> new WriteBatch());
            Object result = chain.proceed();
            if (batch.isLastMessage()) {
                try {
                    writes.flush();
                } catch (RuntimeException failed) {
                    log.warn("A batch's read-model writes failed ({}); handling it again one write per event", failed.getMessage());
                    writeEachEvent = true;
                    throw failed;
                }
            }
            return result;
        }
    }

    void add(ReadModelCollections.Rebuildable collection, WriteModel<Document> change) {
        changes.computeIfAbsent(collection, c -> new ArrayList<>()).add(change);
    }

    void addToSet(ReadModelCollections.Rebuildable collection, Object id, String field, Document member) {
        setMembers.computeIfAbsent(collection, c -> new LinkedHashMap<>()).computeIfAbsent(id, i -> new LinkedHashMap<>())
                .computeIfAbsent(field, f -> new ArrayList<>()).add(member);
    }

    void afterWrite(ReadModelCollections.Rebuildable collection, Object id, Consumer<Document> then) {
        followUps.computeIfAbsent(collection, c -> new LinkedHashMap<>()).computeIfAbsent(id, i -> new LinkedHashSet<>()).add(then);
    }

    private void flush() {
        setMembers.forEach((collection, byId) -> byId.forEach((id, byField) -> byField.forEach((field, members) ->
                add(collection, ReadModelCollections.setAddition(id, field, members)))));
        setMembers.clear();
        changes.forEach(ReadModelCollections.Rebuildable::apply);
        changes.clear();
        followUps.forEach((collection, byId) -> {
            Map<Object, Document> found = new LinkedHashMap<>();
            collection.written(c -> c.find(Filters.in("_id", byId.keySet())).into(new ArrayList<>()))
                    .forEach(document -> found.put(document.get("_id"), document));
            byId.forEach((id, thens) -> Optional.ofNullable(found.get(id)).ifPresent(document -> thens.forEach(then -> then.accept(document))));
        });
        followUps.clear();
    }
}
