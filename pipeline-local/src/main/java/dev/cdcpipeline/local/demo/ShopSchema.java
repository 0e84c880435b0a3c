package dev.cdcpipeline.local.demo;

import java.util.List;

/**
 * The demo's {@code shop} database. Its columns cover the types the pipeline must carry exactly:
 * signed and unsigned integers up to BIGINT UNSIGNED, DECIMAL, DATE, DATETIME, TIMESTAMP,
 * VARCHAR/TEXT with non-ASCII text, JSON, BLOB, ENUM, and NULLs.
 */
public final class ShopSchema {

    public static final String DATABASE = "shop";
    public static final List<String> TABLES = List.of("customers", "products", "orders");

    /** The DDL, statements separated by {@code ;} (also the init script of deploy/docker-compose, kept equal by a test). */
    public static final String CREATE = """
            CREATE DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            CREATE TABLE shop.customers (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              email VARCHAR(255) NOT NULL,
              full_name VARCHAR(200) NOT NULL,
              tier ENUM('bronze', 'silver', 'gold') NOT NULL DEFAULT 'bronze',
              birth_date DATE NULL,
              loyalty_points INT UNSIGNED NOT NULL DEFAULT 0,
              preferences JSON NULL,
              avatar BLOB NULL,
              created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
              updated_at DATETIME(6) NOT NULL
            );
            CREATE TABLE shop.products (
              id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              sku VARCHAR(64) NOT NULL,
              title VARCHAR(255) NOT NULL,
              description TEXT NULL,
              price DECIMAL(12, 2) NOT NULL,
              weight_grams MEDIUMINT UNSIGNED NULL,
              stock SMALLINT NOT NULL,
              rating TINYINT NULL,
              views BIGINT UNSIGNED NOT NULL DEFAULT 0
            );
            CREATE TABLE shop.orders (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              customer_id BIGINT UNSIGNED NOT NULL,
              product_id INT NOT NULL,
              quantity SMALLINT UNSIGNED NOT NULL,
              amount DECIMAL(14, 4) NOT NULL,
              status ENUM('new', 'paid', 'shipped', 'cancelled') NOT NULL,
              ordered_at DATETIME(6) NOT NULL,
              updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
              note TEXT NULL
            );
            """;

    /** The same shop in PostgreSQL: schema {@code shop} of database {@code shop}, native types. */
    static final String CREATE_POSTGRES = """
            CREATE SCHEMA shop;
            CREATE TYPE shop.tier AS ENUM ('bronze', 'silver', 'gold');
            CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
            CREATE TABLE shop.customers (
              id BIGSERIAL PRIMARY KEY,
              email VARCHAR(255) NOT NULL,
              full_name VARCHAR(200) NOT NULL,
              tier shop.tier NOT NULL DEFAULT 'bronze',
              birth_date DATE NULL,
              loyalty_points BIGINT NOT NULL DEFAULT 0,
              preferences JSONB NULL,
              avatar BYTEA NULL,
              created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
              updated_at TIMESTAMP(6) NOT NULL
            );
            CREATE TABLE shop.products (
              id SERIAL PRIMARY KEY,
              sku VARCHAR(64) NOT NULL,
              title VARCHAR(255) NOT NULL,
              description TEXT NULL,
              price NUMERIC(12, 2) NOT NULL,
              weight_grams INTEGER NULL,
              stock SMALLINT NOT NULL,
              rating SMALLINT NULL,
              views NUMERIC(20, 0) NOT NULL DEFAULT 0
            );
            CREATE TABLE shop.orders (
              id BIGSERIAL PRIMARY KEY,
              customer_id BIGINT NOT NULL,
              product_id INTEGER NOT NULL,
              quantity INTEGER NOT NULL,
              amount NUMERIC(14, 4) NOT NULL,
              status shop.order_status NOT NULL,
              ordered_at TIMESTAMP(6) NOT NULL,
              updated_at TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
              note TEXT NULL
            );
            """;

    private ShopSchema() {}
}
