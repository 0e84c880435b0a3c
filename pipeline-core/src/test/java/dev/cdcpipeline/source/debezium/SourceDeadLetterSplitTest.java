package dev.cdcpipeline.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

class SourceDeadLetterSplitTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void changesGoOnAndDeadLettersToTheSideOutputWithoutKryo() throws Exception {
        // The source's records cross the network here (rebalance to parallelism 2): a Kryo fallback
        // for the union type, the dead letter or the change fails the job.
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        DeadLetter unreadable = new DeadLetter("source", "column 'span' has a TIME value outside ...", "mysql:shop.orders",
                "{\"topic\":\"shop.orders\"}", 1L);
        List<Either<DeadLetter, ChangeEvent>> records = List.of(
                Either.Right(ChangeEvents.insert(1, 10, 1)), Either.Left(unreadable), Either.Right(ChangeEvents.insert(2, 20, 2)));

        SingleOutputStreamOperator<ChangeEvent> changes = env.fromData(ChangeEventDeserializer.PRODUCED_TYPE, records.toArray(Either[]::new))
                .setParallelism(1)
                .rebalance()
                .process(new SourceDeadLetterSplit("mysql"), ChangeEventTypeInfo.INSTANCE)
                .setParallelism(2);
        DataStream<String> described = changes.map(new DescribeChange())
                .union(changes.getSideOutput(SourceDeadLetterSplit.DEAD_LETTERS).map(new DescribeDeadLetter()));

        List<String> output = new ArrayList<>();
        try (CloseableIterator<String> results = described.executeAndCollect()) {
            results.forEachRemaining(output::add);
        }

        assertThat(output).containsExactlyInAnyOrder("change of id 1", "change of id 2",
                "dead letter source mysql:shop.orders: column 'span' has a TIME value outside ...");
    }

    private static final class DescribeChange implements MapFunction<ChangeEvent, String> {
        @Override
        public String map(ChangeEvent change) {
            return "change of id " + change.key().get("id");
        }
    }

    private static final class DescribeDeadLetter implements MapFunction<DeadLetter, String> {
        @Override
        public String map(DeadLetter deadLetter) {
            return "dead letter " + deadLetter.stage() + " " + deadLetter.table() + ": " + deadLetter.reason();
        }
    }
}
