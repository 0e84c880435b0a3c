-- PostgreSQL DDL, not Flink SQL: the warehouse tables that mysql-to-warehouse-and-kafka.sql and
-- postgres-to-warehouse.sql write into. Flink's jdbc connector writes rows but never creates
-- tables, so run this once in the warehouse database before either script:
--
--   psql "host=... dbname=warehouse user=loader" -f sql/warehouse/create-tables.sql
--
-- Column types hold the values of both sources exactly: MySQL's BIGINT UNSIGNED needs
-- numeric(20, 0), INT UNSIGNED bigint; a PostgreSQL source's narrower types fit as well. ENUMs
-- become text. The tables carry only the source's columns: the scripts delete a row when the
-- source deletes it (hard deletes), unlike the Java pipeline's _cdc_* bookkeeping columns.

CREATE SCHEMA IF NOT EXISTS sql_mirror;

CREATE TABLE IF NOT EXISTS sql_mirror.shop_customers (
  id numeric(20, 0) PRIMARY KEY,
  email varchar(255) NOT NULL,
  full_name varchar(200) NOT NULL,
  tier text NOT NULL,
  birth_date date,
  loyalty_points bigint NOT NULL,
  preferences jsonb,
  avatar bytea,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamp(6) NOT NULL
);

CREATE TABLE IF NOT EXISTS sql_mirror.shop_products (
  id integer PRIMARY KEY,
  sku varchar(64) NOT NULL,
  title varchar(255) NOT NULL,
  description text,
  price numeric(12, 2) NOT NULL,
  weight_grams integer,
  stock smallint NOT NULL,
  rating smallint,
  views numeric(20, 0) NOT NULL
);

CREATE TABLE IF NOT EXISTS sql_mirror.shop_orders (
  id bigint PRIMARY KEY,
  customer_id numeric(20, 0) NOT NULL,
  product_id integer NOT NULL,
  quantity integer NOT NULL,
  amount numeric(14, 4) NOT NULL,
  status text NOT NULL,
  ordered_at timestamp(6) NOT NULL,
  updated_at timestamptz(6) NOT NULL,
  note text
);
