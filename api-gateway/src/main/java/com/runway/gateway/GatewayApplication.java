package com.runway.gateway;

import com.runway.shared.boot.MessageSerializers;
import com.runway.shared.boot.RunwayMetrics;
import com.runway.shared.boot.RunwayTracing;
import com.runway.shared.boot.RunwayBoot;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The REST API on its own: every request becomes a command or query that Axon Server routes to a service. */
@SpringBootApplication
@Import({MessageSerializers.class, RunwayTracing.class, RunwayMetrics.class})
public class GatewayApplication {

    public static void main(String[] args) {
        RunwayBoot.run(GatewayApplication.class, "api-gateway", args);
    }
}
