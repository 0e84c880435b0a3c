package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.change.TableId;

import java.sql.Connection;
import java.sql.DriverManager;
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

    Connection open() throws SQLException {
        String url = postgres()
                ? "jdbc:postgresql://" + source.hostname() + ":" + source.port() + "/" + ((PostgresSourceSettings) source).database()
                : "jdbc:mysql://" + source.hostname() + ":" + source.port() + "/?useSSL=false&allowPublicKeyRetrieval=true";
        return DriverManager.getConnection(url, source.username(), source.password().value());
    }

    /** An identifier quoted as this database quotes them. */
    String quote(String name) {
        return postgres() ? '"' + name.replace("\"", "\"\"") + '"' : '`' + name.replace("`", "``") + '`';
    }

    String qualifiedName(TableId table) {
        return quote(table.database()) + "." + quote(table.table());
    }
}
