package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.verify.JdbcTableSide;

import java.sql.Connection;
import java.sql.SQLException;

/** Plain JDBC access to a pipeline's source database, for reading what the pipeline should have copied. */
final class SourceDatabase {

    private final SourceSettings source;

    SourceDatabase(SourceSettings source) {
        this.source = source;
    }

    boolean postgres() {
        return source instanceof PostgresSourceSettings;
    }

    /** With the settings the pipeline's own checks and the verify command use. */
    Connection open() throws SQLException {
        return SourceConnectors.openConnection(source);
    }

    /** An identifier quoted as this database quotes them. */
    String quote(String name) {
        return postgres() ? JdbcTableSide.doubleQuote(name) : JdbcTableSide.backQuote(name);
    }

    String qualifiedName(TableId table) {
        return quote(table.database()) + "." + quote(table.table());
    }
}
