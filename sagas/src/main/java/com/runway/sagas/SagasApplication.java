package com.runway.sagas;

import com.runway.shared.boot.MessageSerializers;
import com.runway.shared.boot.RunwayMetrics;
import com.runway.shared.boot.RunwayTracing;
import com.runway.shared.boot.RunwayBoot;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The fulfilment saga on its own: events from Axon Server, commands back through it; saga state,
 * its token and its pending timeouts in MongoDB (see {@code MongoSagaInfrastructure}).
 */
@SpringBootApplication
@Import({MessageSerializers.class, RunwayTracing.class, RunwayMetrics.class})
public class SagasApplication {

    public static void main(String[] args) {
        RunwayBoot.run(SagasApplication.class, "sagas", args);
    }
}
