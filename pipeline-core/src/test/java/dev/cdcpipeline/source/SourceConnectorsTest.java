package dev.cdcpipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.schema.ValueKind;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class SourceConnectorsTest {

    @Test
    void eachSourceAndTheSplitOfWhatItCannotReadHaveStableUids() {
        PipelineDefinition definition = PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                sources:
                  - {type: mariadb, name: orders_db, hostname: maria, username: cdc, password: pw, tables: shop.orders}
                  - {type: postgres, name: crm, hostname: pg, username: cdc, password: pw, database: crm, tables: public.customers}
                kafka:
                  bootstrap-servers: broker:9092
                """, Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        for (SourceSettings source : definition.sources()) {
            // Building the sources connects to nothing: the tables are what the catalog would have found.
            String database = source.name().equals("crm") ? "public" : "shop";
            SourceStreams streams = SourceConnectors.addTo(env, source, List.of(table(source.name(), database)));
            streams.changes().print();
            streams.deadLetters().print();
        }

        Map<String, String> uidByOperator = new LinkedHashMap<>();
        for (StreamNode node : env.getStreamGraph(false).getStreamNodes()) {
            uidByOperator.put(node.getOperatorName(), node.getTransformationUID());
        }

        assertThat(uidByOperator).containsEntry("Set aside what mariadb source 'orders_db' at maria:3306 cannot read",
                "source-orders_db-dead-letters");
        assertThat(uidByOperator.values()).contains("source-orders_db", "source-orders_db-dead-letters",
                "source-crm", "source-crm-dead-letters", "wal-monitor-crm");
    }

    private static SourceTable table(String source, String database) {
        return new SourceTable(new TableId(source, database, "orders"), List.of(ValueKind.INTEGER.asColumn("id", false)), List.of("id"));
    }
}
