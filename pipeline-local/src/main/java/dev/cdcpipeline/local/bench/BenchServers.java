package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.local.demo.Playground;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The playground's servers as the bench reaches them: which account for what. */
final class BenchServers {

    private final Playground playground;
    private final Map<String, String> variables;

    BenchServers(Playground playground) {
        this.playground = playground;
        this.variables = playground.sqlScriptVariables();
    }

    Playground playground() {
        return playground;
    }

    /** The source as its application: loads the table and generates changes. */
    Connection sourceApplication() throws SQLException {
        return playground.sourceAdminConnection();
    }

    /**
     * The source as the pipeline's CDC user, with the driver options the playground uses, for the
     * plain JDBC read that the snapshot is compared with.
     */
    Connection sourceCdcUser() throws SQLException {
        String url = "jdbc:mysql://" + variables.get("MYSQL_HOST") + ":" + variables.get("MYSQL_PORT")
                + "/?allowPublicKeyRetrieval=true&useSSL=false";
        return DriverManager.getConnection(url, variables.get("MYSQL_USER"), variables.get("MYSQL_PASSWORD"));
    }

    Connection warehouse() throws SQLException {
        return playground.warehouseConnection();
    }

    String kafkaBootstrapServers() {
        return playground.kafkaBootstrapServers();
    }

    /** Hosts, ports, users and passwords by the names the SQL scripts use; passwords go to YAML as ${NAME}. */
    Map<String, String> variables() {
        return variables;
    }
}
