package com.runway.commandside;

import com.runway.shared.boot.FlowLogging;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** One INFO line per command handled — what, for which aggregate, how it ended, how long it took — in its flow's context. */
class CommandLogging implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandLogging.class);
    private final FlowLogging flow = new FlowLogging();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        return flow.handle(unitOfWork, () -> {
            Object command = unitOfWork.getMessage().getPayload();
            if (!log.isInfoEnabled()) {
                return chain.proceed();
            }
            long start = System.nanoTime();
            try {
                Object result = chain.proceed();
                log.info("{} {} handled in {} ms", command.getClass().getSimpleName(), target(command), millisSince(start));
                return result;
            } catch (Exception refused) {
                log.info("{} {} refused in {} ms: {}", command.getClass().getSimpleName(), target(command), millisSince(start),
                        refused.getMessage());
                throw refused;
            }
        });
    }

    /** Every command is a record whose first component names its aggregate. */
    private static String target(Object command) {
        Method accessor = TARGETS.get(command.getClass());
        if (accessor == null) {
            return "";
        }
        try {
            return accessor.getName() + "=" + accessor.invoke(command);
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    /** The JVM builds a new array of components on every call of getRecordComponents: look each class up once. */
    private static final ClassValue<Method> TARGETS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null || components.length == 0 ? null : components[0].getAccessor();
        }
    };

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
