package com.runway.commandside;

import com.runway.shared.boot.MessageSerializers;
import com.runway.shared.boot.RunwayMetrics;
import com.runway.shared.boot.RunwayTracing;
import com.runway.shared.boot.RunwayBoot;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The command side on its own: aggregates and providers, events stored in and commands routed by Axon Server. */
@SpringBootApplication
@Import({MessageSerializers.class, RunwayTracing.class, RunwayMetrics.class})
public class CommandSideApplication {

    public static void main(String[] args) {
        RunwayBoot.run(CommandSideApplication.class, "command-side", args);
    }
}
