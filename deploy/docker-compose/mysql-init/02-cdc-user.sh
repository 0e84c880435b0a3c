# Sourced by the mysql image's entrypoint after 01-shop-schema.sql, when the data volume is new.
# A shell script rather than SQL so that the password comes from the environment (.env), not from this file.
#
# The least privilege the CDC source needs: read the tables for the snapshot, follow the binlog.
# mysql_native_password: the binlog client of Flink CDC 3.5 (Debezium 1.9) then needs neither TLS nor
# public-key retrieval; drop WITH mysql_native_password if your connection uses TLS.
docker_process_sql --database=mysql <<-EOSQL
	CREATE USER 'cdc'@'%' IDENTIFIED WITH mysql_native_password BY '${MYSQL_CDC_PASSWORD}';
	GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc'@'%';
	FLUSH PRIVILEGES;
EOSQL
