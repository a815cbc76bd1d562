package com.runway.sagas;

import com.runway.fulfilment.saga.FulfilmentSaga;
import com.runway.fulfilment.saga.FulfilmentSettings;
import com.runway.shared.boot.FlowLogging;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The process managers. Their deadlines go through whichever persistent {@code DeadlineManager} the
 * deployment provides (db-scheduler on the service's database), so a pending timeout survives a restart.
 */
@Configuration
@ComponentScan(basePackages = "com.runway.fulfilment.saga")
public class SagasConfiguration {

    /** A saga handler that fails is retried from that event, never skipped: a skipped step would strand the order. */
    @Bean
    ConfigurerModule sagaErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(FulfilmentSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(FulfilmentSaga.PROCESSING_GROUP, c -> new FlowLogging());
    }

    @Bean
    FulfilmentSettings fulfilmentSettings(@Value("${runway.payment.timeout:30s}") Duration paymentTimeout) {
        return new FulfilmentSettings(paymentTimeout);
    }
}
