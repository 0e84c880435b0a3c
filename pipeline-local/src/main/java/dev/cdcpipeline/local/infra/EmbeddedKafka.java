package dev.cdcpipeline.local.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM. It needs no
 * separate process, so it dies with the JVM and leaves no orphan behind after a {@code kill -9}. Every start
 * gives an empty broker, like the embedded databases, which are empty on every start too.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(50);

    private final Properties properties;
    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The running server; null while the broker is stopped (see {@link #stopBroker()}). */
    private KafkaRaftServer server;

    private EmbeddedKafka(Properties properties, String bootstrapServers, Map<String, String> clientProperties) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
    }

    /** Formats fresh storage under {@code workDir}, starts the broker and waits until it serves. */
    public static EmbeddedKafka start(Path workDir) throws IOException {
        return start(workDir, null);
    }

    /**
     * As {@link #start(Path)}, but clients must log in: the broker listens with SASL_PLAINTEXT and
     * the PLAIN mechanism only, and accepts {@code client} (see {@link #clientProperties()}).
     */
    public static EmbeddedKafka startWithSaslPlain(Path workDir, Credentials client) throws IOException {
        return start(workDir, client);
    }

    /** @param saslClient the one account clients log in with; null for a broker without authentication */
    private static EmbeddedKafka start(Path workDir, Credentials saslClient) throws IOException {
        long startNanos = System.nanoTime();
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        int[] ports = FreePorts.pick(2);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        Path logDir = dir.resolve("kafka-logs");
        // Formatting refuses storage that an earlier start formatted with another cluster id.
        FileUtils.deleteDirectory(logDir.toFile());
        Properties properties = brokerProperties(logDir, brokerPort, controllerPort);
        if (saslClient != null) {
            requireSaslPlain(properties, brokerPort, controllerPort, saslClient);
        }
        formatStorage(properties, dir.resolve("kafka-server.properties"));

        Map<String, String> clientProperties = saslClient == null ? Map.of() : SaslPlain.clientProperties(saslClient);
        EmbeddedKafka kafka = new EmbeddedKafka(properties, HOST + ":" + brokerPort, clientProperties);
        try {
            kafka.startBroker();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Kafka broker started on {} in {} ms", kafka.bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return kafka;
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // One node: every internal topic and every write has to make do with a single replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("min.insync.replicas", "1"),
                // The defaults (50 partitions each) make the first consumer group and transaction slow to start.
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.partitions", "1"),
                // The pipeline creates its topics itself; a typo must fail instead of creating a stray topic.
                Map.entry("auto.create.topics.enable", "false")));
        return properties;
    }

    /**
     * Makes the clients' listener SASL_PLAINTEXT with PLAIN as its only mechanism; the broker's
     * connections to itself log in there too, with an account of their own. The controller
     * listener stays PLAINTEXT: only the broker in this JVM talks to it.
     */
    private static void requireSaslPlain(Properties properties, int brokerPort, int controllerPort, Credentials client) {
        String listener = SaslPlain.SECURITY_PROTOCOL + "://" + HOST + ":" + brokerPort;
        properties.setProperty("listeners", listener + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.setProperty("advertised.listeners", listener);
        properties.setProperty("inter.broker.listener.name", SaslPlain.SECURITY_PROTOCOL);
        properties.setProperty("listener.security.protocol.map",
                SaslPlain.SECURITY_PROTOCOL + ":" + SaslPlain.SECURITY_PROTOCOL + ",CONTROLLER:PLAINTEXT");
        properties.putAll(SaslPlain.listenerProperties(Credentials.withRandomPassword("broker"), client));
    }

    /** KRaft refuses to start on storage that is not formatted with a cluster id. */
    private static void formatStorage(Properties properties, Path configFile) throws IOException {
        // Formatting needs no credentials: the file keeps none of them.
        Properties withoutSecrets = new Properties();
        properties.stringPropertyNames().stream().filter(key -> !key.endsWith("sasl.jaas.config"))
                .forEach(key -> withoutSecrets.setProperty(key, properties.getProperty(key)));
        try (OutputStream out = Files.newOutputStream(configFile)) {
            withoutSecrets.store(out, "Written by " + EmbeddedKafka.class.getSimpleName() + " for kafka-storage format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] arguments = {"format", "--config", configFile.toString(),
                "--cluster-id", Uuid.randomUuid().toString()};
        int exitCode;
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(arguments, printStream);
        }
        if (exitCode != 0) {
            throw new IOException("Formatting the Kafka storage failed (" + exitCode + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Started is not serving yet: the broker must have registered with the controller and be unfenced. */
    private void awaitServing() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        DescribeClusterOptions oneAttempt = new DescribeClusterOptions()
                .timeoutMs((int) READY_ATTEMPT_TIMEOUT.toMillis());
        Map<String, Object> adminProperties = new HashMap<>(clientProperties);
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(adminProperties)) {
            Exception lastFailure = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster(oneAttempt).nodes().get().isEmpty()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastFailure = e;
                }
                Thread.sleep(READY_POLL_INTERVAL.toMillis());
            }
            throw new IllegalStateException("Kafka broker on " + bootstrapServers + " did not serve within "
                    + READY_TIMEOUT, lastFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * What a client needs besides the bootstrap servers: nothing for a broker without
     * authentication; security protocol, mechanism and the JAAS login (a secret) with SASL.
     */
    public Map<String, String> clientProperties() {
        return clientProperties;
    }

    /**
     * Stops the broker as a crash-free shutdown would, keeping its storage and ports: clients see it
     * gone until {@link #startBroker()}. For failure injection.
     */
    public synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker on its storage and ports (again, after {@link #stopBroker()}) and waits until it serves. */
    public synchronized void startBroker() {
        if (closed.get()) {
            throw new IllegalStateException("The Kafka broker on " + bootstrapServers + " is closed");
        }
        if (server == null) {
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            awaitServing();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopBroker();
        }
    }
}
