-- The demo shop database (the DDL of pipeline-local's ShopSchema, which the playground and the tests use;
-- DeployFilesTest keeps the two equal). Run once by the mysql image when its data volume is new.
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
