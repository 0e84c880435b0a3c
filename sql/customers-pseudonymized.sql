-- Publishes the customers table to Kafka without personal data in the clear: what analytics and
-- machine-learning consumers may read. The e-mail address is masked for display and replaced by
-- a salted hash for joins and counting; the name is redacted; the birth date is reduced to the
-- year. The salt comes from the environment (PII_SALT) and must stay secret: with it, a list of
-- known addresses can be hashed and matched. See customers-pseudonymized.md.

SET 'pipeline.name' = 'customers-pseudonymized';
SET 'parallelism.default' = '${PARALLELISM:-1}';
SET 'execution.checkpointing.interval' = '${CHECKPOINT_INTERVAL:-10s}';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '5';
SET 'restart-strategy.fixed-delay.delay' = '10 s';
SET 'table.exec.sink.keyed-shuffle' = 'FORCE';
SET 'table.local-time-zone' = 'UTC';

CREATE TEMPORARY TABLE customers (
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
  'server-id' = '5531-5534',
  'server-time-zone' = '${MYSQL_SERVER_TIME_ZONE:-UTC}',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  'debezium.poll.interval.ms' = '10'
);

CREATE TEMPORARY TABLE customers_pseudonymized (
  id DECIMAL(20, 0),
  email_masked STRING,
  email_hash STRING,
  full_name STRING,
  tier STRING,
  birth_year INT,
  loyalty_points BIGINT,
  created_at STRING,
  updated_at STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${PSEUDONYMIZED_TOPIC:-shop.customers-pseudonymized}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP_SERVERS}',
  'properties.transaction.timeout.ms' = '900000',
  'key.format' = 'json',
  'key.json.encode.decimal-as-plain-number' = 'true',
  'value.format' = 'json',
  'value.json.encode.decimal-as-plain-number' = 'true',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'customers-pseudonymized'
);

INSERT INTO customers_pseudonymized
SELECT
  id,
  mask_email(email),
  salted_hash(LOWER(email), '${PII_SALT}'),
  redact(full_name),
  tier,
  CAST(EXTRACT(YEAR FROM birth_date) AS INT),
  loyalty_points,
  normalize_timestamp(created_at),
  -- a DATETIME the shop writes in UTC wall-clock time
  normalize_timestamp(updated_at)
FROM customers;
