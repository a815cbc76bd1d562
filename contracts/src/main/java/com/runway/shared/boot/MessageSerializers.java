package com.runway.shared.boot;

import com.runway.order.api.OrderPlacedEventUpcaster;
import com.runway.shared.MessageSerialization;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson everywhere: messages as plain JSON, sagas, tokens and deadlines with type hints. Every
 * deployable imports this, so a message written by one service is read by every other.
 */
@Configuration
public class MessageSerializers {

    @Bean
    @Primary
    Serializer serializer() {
        return MessageSerialization.stateSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return MessageSerialization.messageSerializer();
    }

    /** Old shapes of stored events, read as today's (see each upcaster's event). */
    @Bean
    OrderPlacedEventUpcaster orderPlacedEventUpcaster() {
        return new OrderPlacedEventUpcaster();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return MessageSerialization.messageSerializer();
    }
}
