-- Keeps a feature record per customer up to date from the orders change stream (MySQL/MariaDB):
-- how many orders, total spend, average order value, last order time. Cancelled orders do not
-- count. An update or delete of an order corrects its customer's features at once; a customer
-- left without any counting order gets a tombstone. See customer-features.md.

SET 'pipeline.name' = 'customer-features';
SET 'parallelism.default' = '${PARALLELISM:-1}';
-- The Kafka sink commits on each checkpoint: the features' latency is up to one interval.
SET 'execution.checkpointing.interval' = '${CHECKPOINT_INTERVAL:-10s}';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '5';
SET 'restart-strategy.fixed-delay.delay' = '10 s';
SET 'table.local-time-zone' = 'UTC';

CREATE TEMPORARY TABLE orders (
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
  -- Not the ids of the other scripts: they may read the same server at the same time.
  'server-id' = '5521-5524',
  'server-time-zone' = '${MYSQL_SERVER_TIME_ZONE:-UTC}',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  'debezium.poll.interval.ms' = '10'
);

-- Flat JSON records with the entity key, the event timestamp and the created timestamp, as
-- feature stores' stream sources (Feast, Tecton) read them. Amounts are exact decimal text and
-- times ISO-8601 UTC text, so that no consumer's JSON parser rounds a cent or shifts a zone.
CREATE TEMPORARY TABLE customer_features (
  customer_id DECIMAL(20, 0),
  orders_count BIGINT,
  total_spend STRING,
  avg_order_value STRING,
  last_order_at STRING,
  event_timestamp STRING,
  created_timestamp STRING,
  PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${FEATURES_TOPIC:-shop.customer-features}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '900000',
  'key.format' = 'json',
  'key.json.encode.decimal-as-plain-number' = 'true',
  'value.format' = 'json',
  'value.json.encode.decimal-as-plain-number' = 'true',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'customer-features'
);

INSERT INTO customer_features
SELECT
  customer_id,
  COUNT(*) AS orders_count,
  exact_decimal_text(SUM(amount)) AS total_spend,
  exact_decimal_text(CAST(AVG(amount) AS DECIMAL(18, 4))) AS avg_order_value,
  -- ordered_at is a DATETIME written in UTC wall-clock time.
  normalize_timestamp(MAX(ordered_at)) AS last_order_at,
  -- When the source last changed one of the orders counted here.
  normalize_timestamp(MAX(updated_at)) AS event_timestamp,
  normalize_timestamp(CURRENT_TIMESTAMP) AS created_timestamp
FROM orders
WHERE status <> 'cancelled'
GROUP BY customer_id;
