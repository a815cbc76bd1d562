package com.runway.standalone;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

import javax.sql.DataSource;

/**
 * Creates the tables of the embedded H2 store (events, tokens, sagas, scheduled deadlines) if they
 * are missing. It runs once every bean exists and before any event processor or scheduler starts.
 */
@Configuration
public class EmbeddedEventStore implements SmartInitializingSingleton {

    private final EventStorageEngine eventStorageEngine;
    private final TokenStore tokenStore;
    private final DataSource dataSource;

    public EmbeddedEventStore(EventStorageEngine eventStorageEngine, TokenStore tokenStore, DataSource dataSource) {
        this.eventStorageEngine = eventStorageEngine;
        this.tokenStore = tokenStore;
        this.dataSource = dataSource;
    }

    /**
     * H2 reports a duplicate key in a batched append as a batch update exception carrying SQL state
     * 23505, which Axon's default resolver does not recognise; the SQL state does. Without this a
     * second registration of the same SKU would surface as a storage failure instead of a conflict.
     */
    @Bean
    static PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver();
    }

    /**
     * Events read per query by a processor that is behind (a replay): Axon's 100 made a rebuild
     * wait on a query every 100 events.
     */
    static final int READ_BATCH = 1_000;

    /**
     * Axon's JDBC engine as its auto-configuration builds it, reading past gaps with {@link GapReads},
     * {@link #READ_BATCH} events at a time, each event's timestamp parsed once ({@link QuickTimestampsStorageEngine}),
     * the last {@code runway.eventstore.shared-read-batches} batches read kept for other readers at the same place
     * ({@link SharedTrackedReads}; 0 turns the sharing off).
     */
    @Bean
    static EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                 ObjectProvider<EventSchema> eventSchema,
                                                 @Value("${runway.eventstore.shared-read-batches:" + SHARED_READ_BATCHES + "}") int sharedReadBatches) {
        return new QuickTimestampsStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema.getIfAvailable(EventSchema::new))
                .readEventDataWithGaps(GapReads::statement)
                .batchSize(READ_BATCH), sharedReadBatches);
    }

    /**
     * Batches (of {@link #READ_BATCH} events) kept for readers a little behind the one that read them:
     * rebuilds stay within {@link QuickTimestampsStorageEngine#REBUILD_LEAD_BATCHES} of each other. Kept
     * longer, they cost the collector more than the reads they save.
     */
    static final int SHARED_READ_BATCHES = 4;

    /** How many batches the tracking readers read from the store, and how many they took from each other. */
    @Bean
    static MeterBinder sharedReadMeters(EventStorageEngine eventStorageEngine) {
        return registry -> {
            if (eventStorageEngine instanceof QuickTimestampsStorageEngine engine) {
                FunctionCounter.builder("runway.eventstore.tracked.batches", engine.sharedReads(), SharedTrackedReads::batchesRead)
                        .tag("source", "store").description("batches of events tracking readers queried the event store for")
                        .register(registry);
                FunctionCounter.builder("runway.eventstore.tracked.batches", engine.sharedReads(), SharedTrackedReads::batchesShared)
                        .tag("source", "shared").description("batches of events a tracking reader took from another one's query")
                        .register(registry);
                FunctionCounter.builder("runway.eventstore.rebuild.paced", engine.sharedReads(), SharedTrackedReads::secondsPaced)
                        .baseUnit("seconds").description("time rebuilds waited for slower rebuilds to take the batches they read")
                        .register(registry);
            }
        };
    }

    /** Axon's JDBC saga store, with the sagas being driven kept in memory ({@link CachedSagaStore}). */
    @Bean
    static SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
                                       @Value("${runway.sagas.cache-size:20000}") int cacheSize) {
        SagaStore<Object> store = JdbcSagaStore.builder().connectionProvider(connectionProvider).serializer(serializer).build();
        return cacheSize > 0 ? new CachedSagaStore(store, cacheSize) : store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (eventStorageEngine instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(H2EventTableFactory.INSTANCE);
        }
        if (tokenStore instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(H2TokenTableFactory.INSTANCE);
        }
        new ResourceDatabasePopulator(new ClassPathResource("embedded-schema.sql")).execute(dataSource);
    }
}
