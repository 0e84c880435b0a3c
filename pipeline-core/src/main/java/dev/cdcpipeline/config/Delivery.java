package dev.cdcpipeline.config;

/** {@code kafka.delivery}: the guarantee the Kafka sink gives. */
public enum Delivery {
    /**
     * {@code exactly-once}: records are written in Kafka transactions committed at each checkpoint;
     * {@code read_committed} consumers see each change once, one checkpoint interval late.
     */
    EXACTLY_ONCE,
    /** {@code at-least-once}: records are visible at once, and may repeat after a failure. */
    AT_LEAST_ONCE
}
