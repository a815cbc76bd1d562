package com.runway.shared.boot;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the flow's correlation id in the logging context while a message is handled, so every log
 * line of one order's flow — the REST command, the saga's decisions and commands, the projections —
 * carries the same id: the request's X-Correlation-Id (or the flow's first message id), kept in
 * Axon's {@code traceId} metadata, which every message caused by another inherits.
 */
public final class FlowLogging implements MessageHandlerInterceptor<Message<?>> {

    public static final String CORRELATION_ID = "correlationId";
    /** Metadata key of a flow's id; Axon's MessageOriginProvider hands it from each message to those it causes. */
    public static final String TRACE_ID = "traceId";

    public static String correlationIdOf(Message<?> message) {
        Object traceId = message.getMetaData().get(TRACE_ID);
        return traceId != null ? traceId.toString() : message.getIdentifier();
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String previous = MDC.get(CORRELATION_ID);
        MDC.put(CORRELATION_ID, correlationIdOf(unitOfWork.getMessage()));
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(CORRELATION_ID);
            } else {
                MDC.put(CORRELATION_ID, previous);
            }
        }
    }
}
