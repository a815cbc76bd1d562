package com.runway.sagas.service;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the sagas service keeps what must survive a restart, all in MongoDB: saga instances and
 * their associations, the processor's token, and pending deadlines.
 *
 * <p>Deadlines go to JobRunr with its MongoDB storage (Axon's {@code JobRunrDeadlineManager},
 * created by Axon's auto-configuration once a {@code JobScheduler} bean exists). A payment timeout
 * is a job document written when the saga schedules it; whichever sagas instance is up when it
 * falls due runs it, so a restart, or a crash, loses none. Axon Server's event scheduler was the
 * other candidate, but it schedules events, not deadlines: the saga would lose its deadline
 * semantics (cancel by name, delivery to this saga instance only) and its timeout would become a
 * public event every consumer sees.
 */
@Configuration
public class MongoSagaInfrastructure implements DisposableBean {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient mongoClient, @Value("${runway.mongodb.database:runway}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    @Bean
    JobScheduler jobScheduler(MongoClient mongoClient, @Value("${runway.mongodb.database:runway}") String database,
                              @Value("${runway.sagas.deadlines.create-collections:true}") boolean createCollections,
                              ApplicationContext context) {
        DatabaseOptions options = createCollections ? DatabaseOptions.CREATE : DatabaseOptions.SKIP_CREATE;
        return JobRunr.configure()
                .useStorageProvider(new MongoDBStorageProvider(mongoClient, database, options))
                .useJobActivator(context::getBean)
                .useBackgroundJobServer()
                .initialize()
                .getJobScheduler();
    }

    @Override
    public void destroy() {
        JobRunr.destroy();
    }
}
