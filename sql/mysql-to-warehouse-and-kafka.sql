-- Mirrors the demo shop (customers, products, orders) from MySQL/MariaDB into the PostgreSQL
-- warehouse and publishes every table's changes to a Kafka topic: one snapshot, then the binlog.
-- One job (one statement set): each table is read once and feeds both of its sinks.
-- See mysql-to-warehouse-and-kafka.md. Secrets come from environment variables: ${NAME}.

SET 'pipeline.name' = 'sql-mirror-mysql';
SET 'parallelism.default' = '${PARALLELISM:-1}';
-- The Kafka sinks commit their transactions, and the warehouse sinks flush, on each checkpoint.
SET 'execution.checkpointing.interval' = '${CHECKPOINT_INTERVAL:-10s}';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
-- A persistent failure (binlog off, wrong password) stops the job instead of restarting it forever.
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '5';
SET 'restart-strategy.fixed-delay.delay' = '10 s';
-- Route every change of a row through the same sink subtask: the snapshot read of a row and its
-- later binlog changes may come from different source subtasks, and must not overtake each other.
SET 'table.exec.sink.keyed-shuffle' = 'FORCE';
SET 'table.local-time-zone' = 'UTC';

-- Sources: one mysql-cdc table per source table. Each needs its own range of server ids, at least
-- as many as the parallelism, unique among the replicas of the MySQL server.
CREATE TEMPORARY TABLE source_customers (
  id DECIMAL(20, 0),
  email STRING,
  full_name STRING,
  tier STRING,
  birth_date DATE,
  loyalty_points BIGINT,
  preferences STRING,
  avatar BYTES,
  created_at TIMESTAMP_LTZ(3),
  updated_at TIMESTAMP(6),
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'mysql-cdc',
  'hostname' = '${MYSQL_HOST}',
  'port' = '${MYSQL_PORT:-3306}',
  'username' = '${MYSQL_USER}',
  'password' = '${MYSQL_PASSWORD}',
  'database-name' = 'shop',
  'table-name' = 'customers',
  'server-id' = '5501-5504',
  'server-time-zone' = '${MYSQL_SERVER_TIME_ZONE:-UTC}',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  -- Debezium's default (500 ms) stalls each snapshot chunk about a second (shared STACK.md).
  'debezium.poll.interval.ms' = '10'
);

CREATE TEMPORARY TABLE source_products (
  id INT,
  sku STRING,
  title STRING,
  description STRING,
  price DECIMAL(12, 2),
  weight_grams INT,
  stock SMALLINT,
  rating TINYINT,
  `views` DECIMAL(20, 0),  -- backquoted: VIEWS is a keyword of Flink SQL
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'mysql-cdc',
  'hostname' = '${MYSQL_HOST}',
  'port' = '${MYSQL_PORT:-3306}',
  'username' = '${MYSQL_USER}',
  'password' = '${MYSQL_PASSWORD}',
  'database-name' = 'shop',
  'table-name' = 'products',
  'server-id' = '5505-5508',
  'server-time-zone' = '${MYSQL_SERVER_TIME_ZONE:-UTC}',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  'debezium.poll.interval.ms' = '10'
);

CREATE TEMPORARY TABLE source_orders (
  id BIGINT,
  customer_id DECIMAL(20, 0),
  product_id INT,
  quantity INT,
  amount DECIMAL(14, 4),
  status STRING,
  ordered_at TIMESTAMP(6),
  updated_at TIMESTAMP_LTZ(6),
  note STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'mysql-cdc',
  'hostname' = '${MYSQL_HOST}',
  'port' = '${MYSQL_PORT:-3306}',
  'username' = '${MYSQL_USER}',
  'password' = '${MYSQL_PASSWORD}',
  'database-name' = 'shop',
  'table-name' = 'orders',
  'server-id' = '5509-5512',
  'server-time-zone' = '${MYSQL_SERVER_TIME_ZONE:-UTC}',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  'debezium.poll.interval.ms' = '10'
);

-- Warehouse sinks: upserts by primary key, and a real DELETE when the source deletes. The tables
-- must exist (sql/warehouse/create-tables.sql). Timestamps go as ISO-8601 text: the jdbc connector
-- cannot write a TIMESTAMP_LTZ at all (UnsupportedOperationException when the job starts), and
-- writes a TIMESTAMP through java.sql.Timestamp in the JVM's time zone, where a wall-clock time in
-- a daylight-saving gap would shift. stringtype=unspecified lets PostgreSQL read text into the
-- timestamptz, timestamp and jsonb columns by their own rules.
CREATE TEMPORARY TABLE warehouse_customers (
  id DECIMAL(20, 0),
  email STRING,
  full_name STRING,
  tier STRING,
  birth_date DATE,
  loyalty_points BIGINT,
  preferences STRING,
  avatar BYTES,
  created_at STRING,  -- timestamptz(3)
  updated_at STRING,  -- timestamp(6)
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://${WAREHOUSE_HOST}:${WAREHOUSE_PORT:-5432}/${WAREHOUSE_DATABASE}?stringtype=unspecified',
  'table-name' = 'sql_mirror.shop_customers',
  'username' = '${WAREHOUSE_USER}',
  'password' = '${WAREHOUSE_PASSWORD}',
  'sink.buffer-flush.max-rows' = '500',
  'sink.buffer-flush.interval' = '200ms',
  'sink.max-retries' = '3'
);

CREATE TEMPORARY TABLE warehouse_products WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://${WAREHOUSE_HOST}:${WAREHOUSE_PORT:-5432}/${WAREHOUSE_DATABASE}?stringtype=unspecified',
  'table-name' = 'sql_mirror.shop_products',
  'username' = '${WAREHOUSE_USER}',
  'password' = '${WAREHOUSE_PASSWORD}',
  'sink.buffer-flush.max-rows' = '500',
  'sink.buffer-flush.interval' = '200ms',
  'sink.max-retries' = '3'
) LIKE source_products (EXCLUDING OPTIONS);

CREATE TEMPORARY TABLE warehouse_orders (
  id BIGINT,
  customer_id DECIMAL(20, 0),
  product_id INT,
  quantity INT,
  amount DECIMAL(14, 4),
  status STRING,
  ordered_at STRING,  -- timestamp(6)
  updated_at STRING,  -- timestamptz(6)
  note STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://${WAREHOUSE_HOST}:${WAREHOUSE_PORT:-5432}/${WAREHOUSE_DATABASE}?stringtype=unspecified',
  'table-name' = 'sql_mirror.shop_orders',
  'username' = '${WAREHOUSE_USER}',
  'password' = '${WAREHOUSE_PASSWORD}',
  'sink.buffer-flush.max-rows' = '500',
  'sink.buffer-flush.interval' = '200ms',
  'sink.max-retries' = '3'
);

-- Kafka sinks, one compacted topic per table: key = the primary key as JSON ({"id":42}),
-- value = the row as JSON, or a tombstone (null) for a delete. Exactly once: a change becomes
-- visible to read_committed consumers when the checkpoint that covers it completes. The topics
-- must exist. The transaction timeout must not exceed the broker's transaction.max.timeout.ms.
CREATE TEMPORARY TABLE kafka_customers WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${KAFKA_TOPIC_PREFIX:-sql-mirror}.shop.customers',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '900000',
  'key.format' = 'json',
  'key.json.encode.decimal-as-plain-number' = 'true',
  'value.format' = 'json',
  'value.json.encode.decimal-as-plain-number' = 'true',
  'value.json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${KAFKA_TOPIC_PREFIX:-sql-mirror}-customers'
) LIKE source_customers (EXCLUDING OPTIONS);

CREATE TEMPORARY TABLE kafka_products WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${KAFKA_TOPIC_PREFIX:-sql-mirror}.shop.products',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '900000',
  'key.format' = 'json',
  'key.json.encode.decimal-as-plain-number' = 'true',
  'value.format' = 'json',
  'value.json.encode.decimal-as-plain-number' = 'true',
  'value.json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${KAFKA_TOPIC_PREFIX:-sql-mirror}-products'
) LIKE source_products (EXCLUDING OPTIONS);

CREATE TEMPORARY TABLE kafka_orders WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${KAFKA_TOPIC_PREFIX:-sql-mirror}.shop.orders',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '900000',
  'key.format' = 'json',
  'key.json.encode.decimal-as-plain-number' = 'true',
  'value.format' = 'json',
  'value.json.encode.decimal-as-plain-number' = 'true',
  'value.json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${KAFKA_TOPIC_PREFIX:-sql-mirror}-orders'
) LIKE source_orders (EXCLUDING OPTIONS);

EXECUTE STATEMENT SET
BEGIN
  INSERT INTO warehouse_customers
    SELECT id, email, full_name, tier, birth_date, loyalty_points, preferences, avatar,
           normalize_timestamp(created_at), CAST(updated_at AS STRING)
    FROM source_customers;
  INSERT INTO kafka_customers SELECT * FROM source_customers;
  INSERT INTO warehouse_products SELECT * FROM source_products;
  INSERT INTO kafka_products SELECT * FROM source_products;
  INSERT INTO warehouse_orders
    SELECT id, customer_id, product_id, quantity, amount, status,
           CAST(ordered_at AS STRING), normalize_timestamp(updated_at), note
    FROM source_orders;
  INSERT INTO kafka_orders SELECT * FROM source_orders;
END;
