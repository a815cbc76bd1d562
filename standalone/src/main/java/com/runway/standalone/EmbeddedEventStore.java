package com.runway.standalone;

import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates the tables of the embedded H2 store (events, tokens, sagas, scheduled deadlines) if they
 * are missing. It runs once every bean exists and before any event processor or scheduler starts.
 */
@Component
public class EmbeddedEventStore implements SmartInitializingSingleton {

    private final EventStorageEngine eventStorageEngine;
    private final TokenStore tokenStore;
    private final DataSource dataSource;

    public EmbeddedEventStore(EventStorageEngine eventStorageEngine, TokenStore tokenStore, DataSource dataSource) {
        this.eventStorageEngine = eventStorageEngine;
        this.tokenStore = tokenStore;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (eventStorageEngine instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(H2EventTableFactory.INSTANCE);
        }
        if (tokenStore instanceof JdbcTokenStore jdbc) {
            jdbc.createSchema(GenericTokenTableFactory.INSTANCE);
        }
        new ResourceDatabasePopulator(new ClassPathResource("embedded-schema.sql")).execute(dataSource);
    }
}
