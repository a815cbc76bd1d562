package com.runway.distributed;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the services under test find Axon Server and MongoDB, in this order:
 * <ol>
 *   <li>Docker available: Testcontainers starts both (Axon Server in its standalone development mode);</li>
 *   <li>{@code RUNWAY_IT_AXONSERVER=host:port} set: that Axon Server, and {@code RUNWAY_IT_MONGODB_URI} if set,
 *       else MongoDB's wire protocol served in this JVM;</li>
 *   <li>neither: nothing, and {@link #why()} says so.</li>
 * </ol>
 */
final class BackingServers implements AutoCloseable {

    static final String AXON_SERVER_IMAGE = "axoniq/axonserver:latest-dev";

    private final String axonServer;
    private final String mongoUri;
    private final boolean embeddedMongo;
    private final String why;
    private final List<AutoCloseable> resources;

    private BackingServers(String axonServer, String mongoUri, boolean embeddedMongo, String why, List<AutoCloseable> resources) {
        this.axonServer = axonServer;
        this.mongoUri = mongoUri;
        this.embeddedMongo = embeddedMongo;
        this.why = why;
        this.resources = resources;
    }

    static final String NONE = "Distributed tests skipped: no Docker engine for Testcontainers, and RUNWAY_IT_AXONSERVER "
            + "(host:port of a running Axon Server) is not set. See README, \"Running as services\".";

    /** For {@code @EnabledIf}: whether any backing servers can be had; says why not, once, when not. */
    static boolean configured() {
        boolean configured = env("RUNWAY_IT_AXONSERVER").isPresent() || dockerAvailable();
        if (!configured) {
            System.out.println(NONE);
        }
        return configured;
    }

    static BackingServers find() {
        if (dockerAvailable()) {
            return fromContainers();
        }
        Optional<String> axonServer = env("RUNWAY_IT_AXONSERVER");
        if (axonServer.isPresent()) {
            Optional<String> mongoUri = env("RUNWAY_IT_MONGODB_URI");
            if (mongoUri.isPresent()) {
                return new BackingServers(axonServer.get(), mongoUri.get(), false, "", List.of());
            }
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            return new BackingServers(axonServer.get(), "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(), true, "",
                    List.of(mongo::shutdownNow));
        }
        return new BackingServers(null, null, false, NONE, List.of());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    private static BackingServers fromContainers() {
        GenericContainer<?> axonServer = new GenericContainer<>(DockerImageName.parse(AXON_SERVER_IMAGE))
                .withEnv("AXONIQ_AXONSERVER_STANDALONE", "true")
                .withEnv("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "true")
                .withExposedPorts(8024, 8124)
                .waitingFor(Wait.forHttp("/actuator/health").forPort(8024).withStartupTimeout(Duration.ofMinutes(3)));
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:7"));
        axonServer.start();
        mongo.start();
        return new BackingServers(axonServer.getHost() + ":" + axonServer.getMappedPort(8124), mongo.getConnectionString(),
                false, "", List.of(axonServer::stop, mongo::stop));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    boolean available() {
        return axonServer != null;
    }

    String why() {
        return why;
    }

    String axonServer() {
        return axonServer;
    }

    /** A MongoDB URI for one database, so runs against a long-lived server never see each other's data. */
    String mongoUri(String database) {
        int hostsStart = mongoUri.indexOf("://") + 3;
        int hostsEnd = hostsStart;
        while (hostsEnd < mongoUri.length() && "/?".indexOf(mongoUri.charAt(hostsEnd)) < 0) {
            hostsEnd++;
        }
        int queryStart = mongoUri.indexOf('?', hostsEnd);
        String query = queryStart >= 0 ? mongoUri.substring(queryStart) : "";
        return mongoUri.substring(0, hostsEnd) + "/" + database + query;
    }

    /** The in-JVM wire-protocol server cannot run JobRunr's index migrations; a real MongoDB can. */
    boolean embeddedMongo() {
        return embeddedMongo;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }
}
