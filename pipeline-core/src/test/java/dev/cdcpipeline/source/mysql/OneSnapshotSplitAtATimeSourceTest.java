package dev.cdcpipeline.source.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.MySqlSourceSettings;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.schema.ValueKind;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSnapshotSplit;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Flink CDC 3.5.0's own MySQL reader behind the guard, restored the way Flink's source operator
 * does it: the splits from the checkpoint first, then the reader registers with the enumerator,
 * then {@code start()}. The context counts the split requests the enumerator acts on: Flink CDC's
 * enumerator ignores a request from a reader not registered yet. The readers connect to nothing:
 * no split is read here.
 */
class OneSnapshotSplitAtATimeSourceTest {

    @Test
    void aReaderRestoredInTheMiddleOfASnapshotSplitDoesNotAskForASecondOneAsItStarts() throws Exception {
        RecordedRequests requests = new RecordedRequests();
        try (SourceReader<?, MySqlSplit> reader = source().createReader(requests)) {
            reader.addSplits(List.of(chunk(null)));
            requests.registered = true;
            reader.start();
        }
        assertThat(requests.splitRequests).as("split requests").isZero();
    }

    @Test
    void aReaderRestoredWithAFinishedSnapshotSplitAsksForTheNextOneOnce() throws Exception {
        RecordedRequests requests = new RecordedRequests();
        try (SourceReader<?, MySqlSplit> reader = source().createReader(requests)) {
            // Finished but not acknowledged: the reader reports it and asks already while it is restored,
            // unregistered; the request it makes as it starts is the one that must go through.
            reader.addSplits(List.of(chunk(BinlogOffset.ofBinlogFilePosition("mysql-bin.000001", 4))));
            requests.registered = true;
            reader.start();
        }
        assertThat(requests.splitRequests).as("split requests").isOne();
    }

    @Test
    void aReaderStartedWithoutSplitsAsksForOne() throws Exception {
        RecordedRequests requests = new RecordedRequests();
        try (SourceReader<?, MySqlSplit> reader = source().createReader(requests)) {
            requests.registered = true;
            reader.start();
        }
        assertThat(requests.splitRequests).as("split requests").isOne();
    }

    private static OneSnapshotSplitAtATimeSource<?> source() {
        MySqlSourceSettings settings = (MySqlSourceSettings) PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                sources:
                  - {type: mariadb, name: shop_db, hostname: 127.0.0.1, port: 1, username: cdc, password: pw, tables: shop.orders}
                kafka:
                  bootstrap-servers: broker:9092
                """, Map.of()).sources().get(0);
        SourceTable orders = new SourceTable(new TableId("shop_db", "shop", "orders"),
                List.of(ValueKind.INTEGER.asColumn("id", false)), List.of("id"));
        return MySqlSourceFactory.create(settings, List.of(orders));
    }

    /** The orders table's second chunk; a high watermark means the reader had finished reading it. */
    private static MySqlSnapshotSplit chunk(BinlogOffset highWatermark) {
        return new MySqlSnapshotSplit(io.debezium.relational.TableId.parse("shop.orders"), "shop.orders:1",
                RowType.of(new BigIntType(false)), new Object[] {250L}, new Object[] {500L}, highWatermark, Map.of());
    }

    private static final class RecordedRequests implements SourceReaderContext {

        boolean registered;
        int splitRequests;

        @Override
        public void sendSplitRequest() {
            if (registered) {
                splitRequests++;
            }
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

        @Override
        public SourceReaderMetricGroup metricGroup() {
            return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
        }

        @Override
        public Configuration getConfiguration() {
            return new Configuration();
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }
}
