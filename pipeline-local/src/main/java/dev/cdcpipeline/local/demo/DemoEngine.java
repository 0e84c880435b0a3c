package dev.cdcpipeline.local.demo;

/** What runs the demo's pipeline: {@code --engine java|sql}. */
public enum DemoEngine {
    /** The pipeline of this project: the DataStream job the YAML definition describes. */
    JAVA,
    /** The Flink SQL script {@code sql/mysql-to-warehouse-and-kafka.sql}. */
    SQL
}
