package com.runway.commandside;

import com.runway.inventory.command.MarketplaceCurrency;
import com.runway.payment.command.PaymentProvider;
import com.runway.payment.command.SimulatedPaymentProvider;
import com.runway.shipping.command.ShippingPolicy;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import com.runway.shared.boot.BoundedCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The command side: the four aggregates, their handlers, and the outside parties they consult. */
@Configuration
@ComponentScan(basePackages = {
        "com.runway.inventory.command", "com.runway.order.command",
        "com.runway.payment.command", "com.runway.shipping.command"})
public class CommandSideConfiguration {

    public static final String AGGREGATE_CACHE = "aggregateCache";

    @Autowired
    void logEveryCommand(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new CommandLogging());
    }

    @Bean
    MarketplaceCurrency marketplaceCurrency(@Value("${runway.currency:EUR}") String currency) {
        return new MarketplaceCurrency(currency);
    }

    @Bean
    ShippingPolicy shippingPolicy(@Value("${runway.shipping.countries:PT,ES,FR,DE,IT,NL,GB,US}") Set<String> countries) {
        return new ShippingPolicy(countries);
    }

    @Bean
    SnapshotTriggerDefinition inventorySnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${runway.inventory.snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Aggregates stay in memory between commands, so a command no longer reads the aggregate's
     * events (or a hot SKU's snapshot and the events after it) before it can decide. Safe beside
     * other instances because commands for one aggregate are routed to one instance; entries go
     * once the cache holds its size (the least recently used first). {@code runway.command-side.aggregate-cache=false} turns it off.
     */
    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(@Value("${runway.command-side.aggregate-cache:true}") boolean enabled,
                         @Value("${runway.command-side.aggregate-cache-size:20000}") int capacity) {
        return enabled ? new BoundedCache(capacity) : NoCache.INSTANCE;
    }

    @Bean
    @ConditionalOnMissingBean
    PaymentProvider paymentProvider() {
        return new SimulatedPaymentProvider();
    }
}
