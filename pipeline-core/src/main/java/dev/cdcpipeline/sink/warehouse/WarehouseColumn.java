package dev.cdcpipeline.sink.warehouse;

import java.io.Serializable;

/** A data column of a warehouse table and its PostgreSQL type. */
record WarehouseColumn(String name, String sqlType, boolean primaryKey) implements Serializable {

    String quotedName() {
        return SqlIdentifiers.quote(name);
    }
}
