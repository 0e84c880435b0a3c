package dev.cdcpipeline.local.demo;

/** Which databases the playground's pipeline reads the shop from: {@code --source mysql|postgres|both}. */
public enum DemoSources {
    MYSQL,
    POSTGRES,
    BOTH;

    boolean readsMySql() {
        return this != POSTGRES;
    }

    boolean readsPostgres() {
        return this != MYSQL;
    }
}
