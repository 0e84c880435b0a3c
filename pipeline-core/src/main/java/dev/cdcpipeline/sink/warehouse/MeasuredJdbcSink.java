package dev.cdcpipeline.sink.warehouse;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.StatefulSink;
import org.apache.flink.api.connector.sink2.TwoPhaseCommittingSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;

/**
 * flink-connector-jdbc's sink, unchanged, with its writers' {@link WriteLatency} registered: the
 * connector's writer has no metrics of its own. Implements the same sink interfaces as the
 * connector (deprecated in Flink 1.20 in favour of SupportsWriterState / SupportsCommitter, which
 * the connector does not use yet), so Flink runs it exactly as it runs the connector's sink.
 */
@SuppressWarnings("deprecation")
final class MeasuredJdbcSink<IN> implements StatefulSink<IN, JdbcWriterState>, TwoPhaseCommittingSink<IN, JdbcCommitable> {

    private static final long serialVersionUID = 1L;

    private final JdbcSink<IN> delegate;
    private final WriteLatency latency;

    /** @param latency the instance the delegate's statement records into */
    MeasuredJdbcSink(JdbcSink<IN> delegate, WriteLatency latency) {
        this.delegate = delegate;
        this.latency = latency;
    }

    @Override
    public JdbcWriter<IN> createWriter(InitContext context) throws IOException {
        latency.registerIn(context.metricGroup());
        return delegate.createWriter(context);
    }

    @Override
    public JdbcWriter<IN> restoreWriter(InitContext context, Collection<JdbcWriterState> recoveredState) throws IOException {
        latency.registerIn(context.metricGroup());
        return delegate.restoreWriter(context, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return delegate.getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter() throws IOException {
        return delegate.createCommitter();
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return delegate.getCommittableSerializer();
    }
}
