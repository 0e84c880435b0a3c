-- Mirrors the demo shop (customers, products, orders) from PostgreSQL (schema shop, logical
-- decoding with pgoutput) into the PostgreSQL warehouse: one snapshot, then the WAL.
-- One job (the INSERTs at the end follow each other, so they run together).
-- See postgres-to-warehouse.md. Secrets come from environment variables: ${NAME}.

SET 'pipeline.name' = 'sql-mirror-postgres';
SET 'parallelism.default' = '${PARALLELISM:-1}';
-- The warehouse sinks flush on each checkpoint; the source confirms the WAL it has read to its
-- replication slot on each checkpoint too, so that PostgreSQL can recycle it.
SET 'execution.checkpointing.interval' = '${CHECKPOINT_INTERVAL:-10s}';
SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '5';
SET 'restart-strategy.fixed-delay.delay' = '10 s';
-- Every change of a row through the same sink subtask, in order (see mysql-to-warehouse-and-kafka.sql).
SET 'table.exec.sink.keyed-shuffle' = 'FORCE';
SET 'table.local-time-zone' = 'UTC';

-- Sources: one postgres-cdc table per source table, each with its own replication slot and
-- publication (a publication shared by several sources would be narrowed to one source's table
-- by the next). The slots stay behind when the job stops: drop them when retiring the mirror
-- (postgres-to-warehouse.md).
CREATE TEMPORARY TABLE source_customers (
  id BIGINT,
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
  'connector' = 'postgres-cdc',
  'hostname' = '${POSTGRES_HOST}',
  'port' = '${POSTGRES_PORT:-5432}',
  'username' = '${POSTGRES_USER}',
  'password' = '${POSTGRES_PASSWORD}',
  'database-name' = '${POSTGRES_DATABASE:-shop}',
  'schema-name' = 'shop',
  'table-name' = 'customers',
  'decoding.plugin.name' = 'pgoutput',
  'slot.name' = 'sql_mirror_customers',
  'debezium.publication.name' = 'sql_mirror_customers',
  'debezium.publication.autocreate.mode' = 'filtered',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  -- Debezium's default (500 ms) stalls each snapshot chunk (shared STACK.md).
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
  rating SMALLINT,
  `views` DECIMAL(20, 0),  -- backquoted: VIEWS is a keyword of Flink SQL
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'postgres-cdc',
  'hostname' = '${POSTGRES_HOST}',
  'port' = '${POSTGRES_PORT:-5432}',
  'username' = '${POSTGRES_USER}',
  'password' = '${POSTGRES_PASSWORD}',
  'database-name' = '${POSTGRES_DATABASE:-shop}',
  'schema-name' = 'shop',
  'table-name' = 'products',
  'decoding.plugin.name' = 'pgoutput',
  'slot.name' = 'sql_mirror_products',
  'debezium.publication.name' = 'sql_mirror_products',
  'debezium.publication.autocreate.mode' = 'filtered',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  'debezium.poll.interval.ms' = '10'
);

CREATE TEMPORARY TABLE source_orders (
  id BIGINT,
  customer_id BIGINT,
  product_id INT,
  quantity INT,
  amount DECIMAL(14, 4),
  status STRING,
  ordered_at TIMESTAMP(6),
  updated_at TIMESTAMP_LTZ(6),
  note STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'postgres-cdc',
  'hostname' = '${POSTGRES_HOST}',
  'port' = '${POSTGRES_PORT:-5432}',
  'username' = '${POSTGRES_USER}',
  'password' = '${POSTGRES_PASSWORD}',
  'database-name' = '${POSTGRES_DATABASE:-shop}',
  'schema-name' = 'shop',
  'table-name' = 'orders',
  'decoding.plugin.name' = 'pgoutput',
  'slot.name' = 'sql_mirror_orders',
  'debezium.publication.name' = 'sql_mirror_orders',
  'debezium.publication.autocreate.mode' = 'filtered',
  'scan.incremental.snapshot.enabled' = 'true',
  'scan.startup.mode' = 'initial',
  'debezium.poll.interval.ms' = '10'
);

-- Warehouse sinks, as in mysql-to-warehouse-and-kafka.sql, timestamps as ISO-8601 text for the same
-- reasons (tables: sql/warehouse/create-tables.sql; their wider types, such as numeric(20, 0) for
-- a BIGINT key, take these values as they are).
CREATE TEMPORARY TABLE warehouse_customers (
  id BIGINT,
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
  customer_id BIGINT,
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

INSERT INTO warehouse_customers
  SELECT id, email, full_name, tier, birth_date, loyalty_points, preferences, avatar,
         normalize_timestamp(created_at), CAST(updated_at AS STRING)
  FROM source_customers;
INSERT INTO warehouse_products SELECT * FROM source_products;
INSERT INTO warehouse_orders
  SELECT id, customer_id, product_id, quantity, amount, status,
         CAST(ordered_at AS STRING), normalize_timestamp(updated_at), note
  FROM source_orders;
