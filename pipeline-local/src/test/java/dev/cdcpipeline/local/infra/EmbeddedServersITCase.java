package dev.cdcpipeline.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the three real servers of the playground once and checks what the pipeline relies on. */
class EmbeddedServersITCase {

    private static final Credentials ADMIN = Credentials.withRandomPassword("loader");
    private static final Credentials CDC = Credentials.withRandomPassword("cdc");
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path workDir;

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startServers() throws Exception {
        mariaDb = EmbeddedMariaDb.start(workDir, ADMIN, CDC);
        postgres = EmbeddedPostgresServer.start(workDir);
        kafka = EmbeddedKafka.start(workDir);
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (AutoCloseable server : new AutoCloseable[] {kafka, postgres, mariaDb}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void mariaDbWritesARowBasedBinlog() throws SQLException {
        try (Connection connection = connectToMariaDb(ADMIN);
                Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image")) {
            assertThat(settings.next()).isTrue();
            assertThat(settings.getString(1)).isIn("1", "ON");
            assertThat(settings.getString(2)).isEqualTo("ROW");
            assertThat(settings.getString(3)).isEqualTo("FULL");
        }
    }

    @Test
    void adminLoadsDataWithAScript() throws SQLException {
        mariaDb.executeScript("""
                CREATE DATABASE shop;
                CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(50));
                INSERT INTO shop.orders VALUES (1, 'first; with a semicolon'), (2, 'second');
                """);

        try (Connection connection = connectToMariaDb(CDC);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM shop.orders ORDER BY id")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            assertThat(notes).containsExactly("first; with a semicolon", "second");
        }
    }

    @Test
    void cdcUserReadsTheBinlogPositionButCannotChangeTheServer() throws SQLException {
        try (Connection connection = connectToMariaDb(CDC); Statement statement = connection.createStatement()) {
            try (ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
                assertThat(status.next()).isTrue();
                assertThat(status.getString("File")).startsWith("mysql-bin.");
                assertThat(status.getLong("Position")).isPositive();
            }
            assertThatThrownBy(() -> statement.execute("CREATE DATABASE not_allowed"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void cdcUserNeedsItsPassword() {
        Credentials wrongPassword = new Credentials(CDC.user(), CDC.password() + "x");

        assertThatThrownBy(() -> connectToMariaDb(wrongPassword).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void postgresDecodesItsWalLogicallyAndCreatesDatabases() throws SQLException {
        postgres.createDatabase("warehouse");

        try (Connection connection =
                        DriverManager.getConnection(postgres.jdbcUrl("warehouse"), postgres.user(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        "SELECT current_database(), current_setting('wal_level'), current_setting('max_replication_slots')")) {
            assertThat(settings.next()).isTrue();
            assertThat(settings.getString(1)).isEqualTo("warehouse");
            assertThat(settings.getString(2)).isEqualTo("logical");
            assertThat(settings.getString(3)).isEqualTo("10");
        }
    }

    @Test
    void kafkaShowsCommittedTransactionsToReadCommittedConsumers() throws Exception {
        String topic = "changes";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 1; i <= 3; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.commitTransaction();
        }

        assertThat(readCommitted(topic, 3)).containsExactly("value-1", "value-2", "value-3");
    }

    private static List<String> readCommitted(String topic, int expectedCount) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
            while (values.size() < expectedCount && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static Connection connectToMariaDb(Credentials credentials) throws SQLException {
        return DriverManager.getConnection(mariaDb.jdbcUrl(""), credentials.user(), credentials.password());
    }
}
