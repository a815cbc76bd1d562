package com.runway.projection.admin;

import com.runway.queryside.ReadModels;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How stale each read model is, as gauges: how many events it is behind the head of the event
 * stream, and how old the last event it handled is. Together they tell an idle projection (no
 * lag, the age just grows) from a stuck one (the lag grows). The processors are looked up when a
 * gauge is read, since this is wired into the processors it measures.
 */
@Component
public class ProjectionStaleness implements MeterBinder {

    private final Map<String, Instant> lastHandled = new ConcurrentHashMap<>();
    private final ObjectProvider<ProjectionAdministration> projections;

    public ProjectionStaleness(ObjectProvider<ProjectionAdministration> projections) {
        this.projections = projections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : ReadModels.PROCESSING_GROUPS) {
            Gauge.builder("runway.projection.lag.events", () -> lag(name))
                    .tag("projection", name)
                    .description("Events in the store this read model has not handled yet")
                    .register(registry);
            Gauge.builder("runway.projection.last.event.age", () -> ageSeconds(name))
                    .tag("projection", name)
                    .baseUnit("seconds")
                    .description("Age of the last event this read model handled")
                    .register(registry);
        }
    }

    /** Registered on each read model's processor: remembers when the event it just handled happened. */
    public MessageHandlerInterceptor<EventMessage<?>> recorderFor(String projection) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            lastHandled.merge(projection, unitOfWork.getMessage().getTimestamp(), (a, b) -> a.isAfter(b) ? a : b);
            return result;
        };
    }

    private double lag(String name) {
        return projections.getObject().status(name).lag();
    }

    private double ageSeconds(String name) {
        Instant last = lastHandled.get(name);
        return last == null ? Double.NaN : Duration.between(last, Instant.now()).toMillis() / 1000.0;
    }
}
