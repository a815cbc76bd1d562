package com.runway.queryside;

import com.runway.shared.boot.MessageSerializers;
import com.runway.shared.boot.RunwayMetrics;
import com.runway.shared.boot.RunwayTracing;
import com.runway.shared.boot.RunwayBoot;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The read side on its own: projections follow Axon Server's event stream into MongoDB and answer queries. */
@SpringBootApplication
@Import({MessageSerializers.class, RunwayTracing.class, RunwayMetrics.class})
public class QuerySideApplication {

    public static void main(String[] args) {
        RunwayBoot.run(QuerySideApplication.class, "query-side", args);
    }
}
