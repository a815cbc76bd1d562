package com.runway.queryside;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The read side: projections into MongoDB, their query handlers and their administration. Each read
 * model gets a pooled streaming processor of its own, so it can lag, fail or replay alone.
 */
@Configuration
@ComponentScan(basePackages = {"com.runway.order.query", "com.runway.inventory.query", "com.runway.projection.admin"})
public class QuerySideConfiguration {

    @Bean
    MongoDatabase readModelDatabase(MongoClient mongoClient, @Value("${runway.mongodb.database:runway}") String database) {
        return mongoClient.getDatabase(database);
    }

    @Bean
    ConfigurerModule readModelProcessors() {
        return configurer -> ReadModels.PROCESSING_GROUPS.forEach(group ->
                configurer.eventProcessing().registerPooledStreamingEventProcessor(group));
    }
}
