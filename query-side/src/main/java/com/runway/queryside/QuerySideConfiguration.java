package com.runway.queryside;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.runway.inventory.query.StockMetrics;
import com.runway.journey.query.OrderJourneyProjection;
import com.runway.order.query.OrderFunnelMetrics;
import com.runway.projection.admin.ProjectionStaleness;
import com.runway.shared.boot.FlowLogging;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import com.runway.shared.boot.EventProcessors;
import org.springframework.core.env.Environment;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The read side: projections into MongoDB, their query handlers and their administration. Each read
 * model gets a streaming processor of its own (see {@link EventProcessors}), so it can lag, fail or
 * replay alone.
 */
@Configuration
@ComponentScan(basePackages = {"com.runway.order.query", "com.runway.inventory.query", "com.runway.journey.query",
        "com.runway.projection.admin"})
public class QuerySideConfiguration {

    /**
     * Tracking processors taking batches of up to 100 events: one bulk write per collection and one
     * token update per batch (see {@link WriteBatch}), and no added latency (a tracking processor
     * wakes as soon as the store has new events and takes what is there; a pooled one, with nothing
     * to do, looks again only after 500 ms). Batches of 1,000 rebuilt a third faster, but a rebuild
     * after a crash then starved the saga: twice as many orders hit their payment timeout in the
     * crash test. An idle one looks up every 100 ms rather than Axon's second, so that a replay, which
     * must stop the processor first, starts at once (each of three replays asked for in a row waited up
     * to a second); looking up costs an idle processor nothing but the wake-up (its token's claim is
     * extended at most once per token interval, see {@link PacedTokenStore}).
     */
    static final EventProcessors READ_MODEL_PROCESSORS =
            new EventProcessors(EventProcessors.Mode.TRACKING, 100, 1, 1, Duration.ofMillis(100));

    @Bean
    MongoDatabase readModelDatabase(MongoClient mongoClient, @Value("${runway.mongodb.database:runway}") String database) {
        return mongoClient.getDatabase(database);
    }

    @Bean
    ReadModelCollections readModelCollections(MongoDatabase readModelDatabase,
                                              @Value("${runway.replay.staged-documents:" + ReadModelCollections.STAGED_DOCUMENTS + "}") int staged) {
        if (staged < 1) {
            throw new IllegalArgumentException("runway.replay.staged-documents must be at least 1, not " + staged);
        }
        return new ReadModelCollections(readModelDatabase, staged);
    }

    /**
     * With {@code runway.processing.dead-letter-cache} (the default) the processor remembers which
     * aggregates have nothing parked, instead of asking MongoDB before every event.
     *
     * No transaction manager: the read models, their tokens and dead letters all live in MongoDB, so
     * a database transaction (the standalone's H2) covers none of them. With one, Axon's tracking
     * processor stores a batch's token before handling it, counting on the transaction to undo that
     * if the batch fails; here nothing undid it, and a failed batch was skipped on retry. Without
     * one, the token is stored once the batch's writes are made.
     *
     * A handler that fails (MongoDB unreachable, say) must not be skipped: the default would log
     * and move on, leaving the read model wrong for good. Propagating makes the processor back off
     * and retry from the failed event, so a read model can be late but not wrong.
     */
    @Bean
    ConfigurerModule readModelProcessors(MongoClient mongoClient, @Value("${runway.mongodb.database:runway}") String database,
                                         ProjectionStaleness staleness, Environment environment,
                                         @Value("${runway.processing.dead-letter-cache:true}") boolean deadLetterCache,
                                         @Value("${runway.processing.token-interval:1s}") Duration tokenInterval) {
        return configurer -> ReadModels.PROCESSING_GROUPS.forEach(group -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            EventProcessors.forGroup(environment, group, READ_MODEL_PROCESSORS).register(processing, group, false);
            processing.registerTokenStore(group, c -> readModelTokens(mongoClient, database, c.serializer(), tokenInterval))
                    .registerTransactionManager(group, c -> NoTransactionManager.instance())
                    .registerHandlerInterceptor(group, c -> staleness.recorderFor(group))
                    .registerHandlerInterceptor(group, c -> new FlowLogging())
                    .registerHandlerInterceptor(group, c -> WriteBatch.interceptor())
                    .registerDeadLetterQueue(group, c -> deadLetters(mongoClient, database, group, c))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                            (c, invoker) -> deadLetterCache ? invoker.enableSequenceIdentifierCache() : invoker)
                    .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
        });
    }

    @Bean
    ConfigurerModule journeysInOrderPerOrder() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(OrderJourneyProjection.NAME, c -> OrderJourneyProjection.BY_ORDER);
    }

    /**
     * The live business metrics start at the head of the stream (they count what happens from now
     * on, and are never replayed) and keep their place in MongoDB like the read models.
     */
    @Bean
    ConfigurerModule liveMetricsProcessors(MongoClient mongoClient, @Value("${runway.mongodb.database:runway}") String database,
                                           Environment environment,
                                           @Value("${runway.processing.token-interval:1s}") Duration tokenInterval) {
        return configurer -> List.of(OrderFunnelMetrics.NAME, StockMetrics.NAME).forEach(group -> {
            EventProcessors.forGroup(environment, group, READ_MODEL_PROCESSORS).register(configurer.eventProcessing(), group, true);
            configurer.eventProcessing().registerTokenStore(group, c -> readModelTokens(mongoClient, database, c.serializer(), tokenInterval));
        });
    }

    /**
     * An event a handler cannot process parks its aggregate's sequence here, beside the read model,
     * while every other aggregate's events keep flowing; the admin API lists, retries and evicts.
     */
    private static SequencedDeadLetterQueue<EventMessage<?>> deadLetters(MongoClient mongoClient, String database, String group,
                                                                         org.axonframework.config.Configuration configuration) {
        return MongoSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build())
                .serializer(configuration.serializer())
                .build();
    }

    /**
     * A projection's position is kept beside the documents it wrote, never ahead of them: if the
     * read-model store loses its last writes (an embedded store killed mid-flight, a restore from
     * backup), it loses the matching token progress too, and the events are simply handled again.
     * It is written at most once per {@code runway.processing.token-interval} (default a second;
     * zero writes it after every batch, as Axon does), see {@link PacedTokenStore}.
     */
    private static TokenStore readModelTokens(MongoClient mongoClient, String database, Serializer serializer, Duration interval) {
        return new PacedTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build())
                .serializer(serializer)
                .build(), interval, Clock.systemUTC());
    }
}
