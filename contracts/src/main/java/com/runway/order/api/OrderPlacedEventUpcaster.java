package com.runway.order.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored revision-1 {@link OrderPlacedEvent} (no sales channel yet) as revision 2: every
 * order before channels were recorded came through the web shop. Consumers only ever see the
 * current shape, so no handler needs to know old ones existed.
 */
public class OrderPlacedEventUpcaster extends SingleEventUpcaster {

    private static final String TYPE = OrderPlacedEvent.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return TYPE.equals(event.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(TYPE, OrderPlacedEvent.REVISION), JsonNode.class,
                payload -> ((ObjectNode) payload).put("salesChannel", SalesChannel.WEB.name()));
    }
}
