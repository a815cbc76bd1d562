package com.runway.standalone;

import com.runway.commandside.CommandSideConfiguration;
import com.runway.gateway.GatewayConfiguration;
import com.runway.queryside.QuerySideConfiguration;
import com.runway.sagas.SagasConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** All four parts in one JVM, on embedded stores under {@code runway.data-dir}. */
@SpringBootApplication
@Import({CommandSideConfiguration.class, SagasConfiguration.class, QuerySideConfiguration.class, GatewayConfiguration.class})
public class RunwayApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(RunwayApplication.class, args);
    }

    /** The checker phones home at start-up and writes under ~/.axoniq; neither belongs in a fulfilment service. */
    static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
