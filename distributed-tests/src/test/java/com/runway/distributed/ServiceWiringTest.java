package com.runway.distributed;

import com.runway.shared.boot.MessageSerializers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the distributed deployment without any server: each service binds its
 * settings from the environment the way docker-compose and scripts/run-services.sh set them, is
 * an executable jar, reads and writes messages with the shared serializers, and between them
 * every command and query has exactly one handling service.
 */
class ServiceWiringTest {

    private static final Map<String, Object> ENVIRONMENT = Map.of(
            "AXON_AXONSERVER_SERVERS", "axonserver.internal:8124",
            "SPRING_DATA_MONGODB_URI", "mongodb://mongodb.internal:27017/runway",
            "SERVER_PORT", "9090",
            "RUNWAY_PAYMENT_TIMEOUT", "45s");

    private static Binder binderFor(Service service, Map<String, Object> environment) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("env", environment));
        new YamlPropertySourceLoader().load(service.configFile(), new ClassPathResource(service.configFile()))
                .forEach(sources::addLast);
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void environmentVariablesOverrideEachServicesDefaults(Service service) throws IOException {
        Binder configured = binderFor(service, ENVIRONMENT);
        Binder defaults = binderFor(service, Map.of());

        assertThat(configured.bind("axon.axonserver.servers", String.class).get()).isEqualTo("axonserver.internal:8124");
        assertThat(defaults.bind("axon.axonserver.servers", String.class).get()).isEqualTo("localhost:8124");
        assertThat(configured.bind("server.port", Integer.class).get()).isEqualTo(9090);
        assertThat(defaults.bind("server.port", Integer.class).get()).isBetween(8080, 8083);
        assertThat(defaults.bind("spring.application.name", String.class).get()).isEqualTo(service.module);
        assertThat(defaults.bind("management.endpoint.health.probes.enabled", Boolean.class).get()).isTrue();
        assertThat(defaults.bind("axon.axonserver.enabled", Boolean.class).orElse(true))
                .as("a service talks through Axon Server").isTrue();
    }

    @Test
    void theServicesWithStateFindMongoDbAndTheSagaTimeoutInTheEnvironment() throws IOException {
        for (Service service : List.of(Service.SAGAS, Service.QUERY_SIDE)) {
            assertThat(binderFor(service, ENVIRONMENT).bind("spring.data.mongodb.uri", String.class).get())
                    .as(service.module).isEqualTo("mongodb://mongodb.internal:27017/runway");
        }
        assertThat(binderFor(Service.SAGAS, ENVIRONMENT).bind("runway.payment.timeout", Bindable.of(Duration.class)).get())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(binderFor(Service.COMMAND_SIDE, Map.of()).bind("spring.data.mongodb.uri", String.class).isBound())
                .as("the command side keeps no database of its own").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceIsAnExecutableJarStartingItsOwnApplication(Service service) throws IOException {
        try (JarFile jar = new JarFile(service.executableJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo(service.application.getName());
            assertThat(jar.getEntry("BOOT-INF/classes/" + service.configFile())).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceReadsAndWritesMessagesWithTheSharedSerializers(Service service) {
        assertThat(service.application.getAnnotation(Import.class).value()).contains(MessageSerializers.class);
    }

    @Test
    void everyCommandIsHandledByExactlyOneServiceAndEveryQueryByTheServiceHoldingItsAnswer() {
        Map<Service, Handlers> handlers = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            handlers.put(service, Handlers.of(service));
        }
        Map<Class<?>, List<Service>> commandRoutes = routes(handlers, h -> h.commands);
        Map<Class<?>, List<Service>> queryRoutes = routes(handlers, h -> h.queries);

        for (Class<?> command : contractTypes("Command")) {
            assertThat(commandRoutes.getOrDefault(command, List.of())).as(command.getSimpleName()).hasSize(1);
        }
        for (Class<?> query : contractTypes("Query")) {
            assertThat(queryRoutes.getOrDefault(query, List.of())).as(query.getSimpleName())
                    .containsExactly(query.getSimpleName().equals("FindFulfilmentQuery") ? Service.SAGAS : Service.QUERY_SIDE);
        }
        assertThat(commandRoutes).allSatisfy((command, services) -> assertThat(services).as(command.getSimpleName())
                .containsExactly(command.getPackageName().equals("com.runway.projection.api") ? Service.QUERY_SIDE : Service.COMMAND_SIDE));
        assertThat(handlers.get(Service.SAGAS).events).as("the saga reacts to events only").isNotEmpty();
        assertThat(handlers.get(Service.SAGAS).commands).isEmpty();
        assertThat(handlers.get(Service.API_GATEWAY).all()).as("the gateway holds no handler").isEmpty();
        assertThat(handlers.get(Service.COMMAND_SIDE).events).as("the command side projects nothing").isEmpty();
    }

    private static Map<Class<?>, List<Service>> routes(Map<Service, Handlers> handlers,
                                                       java.util.function.Function<Handlers, Set<Class<?>>> kind) {
        Map<Class<?>, List<Service>> routes = new HashMap<>();
        handlers.forEach((service, h) -> kind.apply(h).forEach(type -> routes.computeIfAbsent(type, t -> new ArrayList<>()).add(service)));
        return routes;
    }

    /** Every record in a contracts {@code api} package whose name ends in {@code suffix}. */
    private static List<Class<?>> contractTypes(String suffix) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith(suffix)
                && reader.getClassMetadata().getClassName().contains(".api."));
        return scanner.findCandidateComponents("com.runway").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(ServiceWiringTest::load)
                .filter(Class::isRecord)
                .toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message handlers a service's component scan picks up, by the type of their first parameter. */
    record Handlers(Set<Class<?>> commands, Set<Class<?>> queries, Set<Class<?>> events) {

        static Handlers of(Service service) {
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
            Set<Class<?>> commands = new HashSet<>();
            Set<Class<?>> queries = new HashSet<>();
            Set<Class<?>> events = new HashSet<>();
            Arrays.stream(service.handlers.getAnnotation(ComponentScan.class).basePackages())
                    .flatMap(base -> scanner.findCandidateComponents(base).stream())
                    .map(definition -> load(definition.getBeanClassName()))
                    .flatMap(type -> Stream.<Executable>concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors())))
                    .filter(handler -> handler.getParameterCount() > 0)
                    .forEach(handler -> {
                        Class<?> message = handler.getParameterTypes()[0];
                        if (annotated(handler, CommandHandler.class)) {
                            commands.add(message);
                        } else if (annotated(handler, QueryHandler.class)) {
                            queries.add(message);
                        } else if (annotated(handler, EventHandler.class) || annotated(handler, SagaEventHandler.class)) {
                            events.add(message);
                        }
                    });
            return new Handlers(commands, queries, events);
        }

        private static boolean annotated(AnnotatedElement element, Class<? extends java.lang.annotation.Annotation> annotation) {
            return element.isAnnotationPresent(annotation);
        }

        Set<Class<?>> all() {
            return Stream.of(commands, queries, events).flatMap(Set::stream).collect(Collectors.toSet());
        }
    }
}
