package com.runway.shared.boot;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** How every Runway deployable starts: the same way, each reading its own configuration file. */
public final class RunwayBoot {

    private RunwayBoot() {
    }

    /**
     * Starts {@code application} with {@code <configName>.yml} as its configuration, so the
     * services' files never shadow each other when several sit on one classpath (as in standalone).
     */
    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        disableAxonUpdateChecker();
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                .run(args);
    }

    /** The checker phones home at start-up and writes under ~/.axoniq; neither belongs in a fulfilment service. */
    public static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
