package com.runway.standalone;

import com.runway.commandside.CommandSideConfiguration;
import com.runway.gateway.GatewayConfiguration;
import com.runway.queryside.QuerySideConfiguration;
import com.runway.sagas.SagasConfiguration;
import com.runway.shared.boot.MessageSerializers;
import com.runway.shared.boot.RunwayBoot;
import com.runway.shared.boot.RunwayMetrics;
import com.runway.shared.boot.RunwayTracing;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** All four parts in one JVM, on embedded stores under {@code runway.data-dir}. */
@SpringBootApplication
@Import({MessageSerializers.class, RunwayTracing.class, RunwayMetrics.class, CommandSideConfiguration.class, SagasConfiguration.class,
        QuerySideConfiguration.class, GatewayConfiguration.class})
public class RunwayApplication {

    public static void main(String[] args) {
        RunwayBoot.run(RunwayApplication.class, "application", args);
    }
}
