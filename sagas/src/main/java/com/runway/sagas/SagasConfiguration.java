package com.runway.sagas;

import com.runway.fulfilment.saga.FulfilmentSaga;
import com.runway.fulfilment.saga.FulfilmentSettings;
import com.runway.fulfilment.saga.OrderRepair;
import com.runway.shared.boot.EventProcessors;
import org.springframework.core.env.Environment;
import com.runway.shared.boot.FlowLogging;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * The process managers. Their deadlines go through whichever persistent {@code DeadlineManager} the
 * deployment provides (db-scheduler on the service's database), so a pending timeout survives a restart.
 */
@Configuration
@ComponentScan(basePackages = "com.runway.fulfilment.saga")
public class SagasConfiguration {

    /**
     * One segment: a saga's commands run inside its unit of work and lock the SKUs they reserve or
     * release until the batch commits, so two saga threads would lock shared SKUs in opposite orders
     * and deadlock. One thread taking batches of up to 100 events (one transaction, one token update
     * and one append of all the resulting events per batch) is what keeps up instead. A tracking
     * processor, because it wakes as soon as there are new events; a pooled one looks again only
     * every 500 ms when idle, and each order takes four saga steps.
     */
    static final EventProcessors SAGA_PROCESSORS = new EventProcessors(EventProcessors.Mode.TRACKING, 100, 1, 1);

    /** A saga handler that fails is retried from that event, never skipped: a skipped step would strand the order. */
    @Bean
    ConfigurerModule sagaProcessing(Environment environment) {
        return configurer -> {
            for (String group : List.of(FulfilmentSaga.PROCESSING_GROUP, OrderRepair.PROCESSING_GROUP)) {
                EventProcessors.forGroup(environment, group, SAGA_PROCESSORS).register(configurer.eventProcessing(), group, false);
            }
            configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(FulfilmentSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                    .registerHandlerInterceptor(FulfilmentSaga.PROCESSING_GROUP, c -> new FlowLogging());
        };
    }

    @Bean
    FulfilmentSettings fulfilmentSettings(@Value("${runway.payment.timeout:30s}") Duration paymentTimeout) {
        return new FulfilmentSettings(paymentTimeout);
    }
}
