package com.runway.distributed;

import com.runway.commandside.CommandSideApplication;
import com.runway.commandside.CommandSideConfiguration;
import com.runway.gateway.GatewayApplication;
import com.runway.gateway.GatewayConfiguration;
import com.runway.queryside.QuerySideApplication;
import com.runway.queryside.QuerySideConfiguration;
import com.runway.sagas.SagasApplication;
import com.runway.sagas.SagasConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The four deployables: their module, main class, configuration file and the configuration that wires their handlers. */
enum Service {
    COMMAND_SIDE("command-side", CommandSideApplication.class, CommandSideConfiguration.class),
    SAGAS("sagas", SagasApplication.class, SagasConfiguration.class),
    QUERY_SIDE("query-side", QuerySideApplication.class, QuerySideConfiguration.class),
    API_GATEWAY("api-gateway", GatewayApplication.class, GatewayConfiguration.class);

    final String module;
    final Class<?> application;
    final Class<?> handlers;

    Service(String module, Class<?> application, Class<?> handlers) {
        this.module = module;
        this.application = application;
        this.handlers = handlers;
    }

    String configFile() {
        return module + ".yml";
    }

    /** The executable jar the build made for this service, from the repository root. */
    Path executableJar() {
        Path target = Path.of(System.getProperty("runway.it.root", "..")).resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target + "; run the build first"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
