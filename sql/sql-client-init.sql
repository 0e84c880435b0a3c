-- Registers the project's SQL functions for Flink's own SQL client, which does not know them:
--
--   sql-client.sh -j pipeline-jobs.jar -i sql/sql-client-init.sql -f script.sql
--
-- The sql command of pipeline-local.jar and pipeline-jobs.jar registers them by itself (IF NOT
-- EXISTS makes this file harmless there). The classes come from pipeline-jobs.jar, or from the
-- small pipeline-core jar (sql/README.md, "Flink's SQL client").

CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS mask_email AS 'dev.cdcpipeline.sql.functions.MaskEmail' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS redact AS 'dev.cdcpipeline.sql.functions.Redact' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS salted_hash AS 'dev.cdcpipeline.sql.functions.SaltedHash' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS normalize_timestamp AS 'dev.cdcpipeline.sql.functions.NormalizeTimestamp' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS exact_decimal_text AS 'dev.cdcpipeline.sql.functions.ExactDecimalText' LANGUAGE JAVA;
