package dev.cdcpipeline.source.mysql;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.source.assigners.state.PendingSplitsState;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.util.UserCodeClassLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Flink CDC's MySQL source, whose readers restored from a checkpoint ask for their next snapshot
 * split only once they have finished the one they hold, as readers that were not restored do.
 *
 * <p>Why: Flink CDC 3.5.0's reader asks for a split as it starts whenever it holds at most one, so
 * a reader restored in the middle of a snapshot split is given a second split while it reads the
 * first. Its split reader then reads
 * the second chunk with the same snapshot split reader, whose context for reading the binlog
 * between the chunk's watermarks the first chunk stopped and nothing starts again: when the second
 * chunk needs that backfill, it returns at once without the end marker, and the reader waits for it
 * forever. The snapshot never finishes, no binlog change follows, checkpoints keep completing: seen
 * after a TaskManager was lost mid-snapshot while the source kept changing. Upstream fixed the
 * context after 3.5.0 (FLINK-39207, FLINK-39621); this holds back the one request that leads there.
 *
 * <p>Only that one: a reader restored with a split it had finished (not yet acknowledged) also asks
 * while Flink restores it, but before it is registered with the enumerator, which ignores that
 * request; the one it makes as it starts is the one that gets it its next split.
 */
public final class OneSnapshotSplitAtATimeSource<T>
        implements Source<T, MySqlSplit, PendingSplitsState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OneSnapshotSplitAtATimeSource.class);

    private final MySqlSource<T> source;

    public OneSnapshotSplitAtATimeSource(MySqlSource<T> source) {
        this.source = source;
    }

    @Override
    public SourceReader<T, MySqlSplit> createReader(SourceReaderContext context) throws Exception {
        SplitRequests requests = new SplitRequests(context);
        return new Reader<>(source.createReader(requests), requests);
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SplitEnumerator<MySqlSplit, PendingSplitsState> createEnumerator(SplitEnumeratorContext<MySqlSplit> context) {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<MySqlSplit, PendingSplitsState> restoreEnumerator(
            SplitEnumeratorContext<MySqlSplit> context, PendingSplitsState checkpoint) {
        return source.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<MySqlSplit> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsState> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return source.getProducedType();
    }

    /** Flink gives a reader its restored splits before it starts it: what it restored decides the start. */
    private static final class Reader<T> implements SourceReader<T, MySqlSplit> {

        private final SourceReader<T, MySqlSplit> reader;
        private final SplitRequests requests;
        private boolean started;
        private boolean restoredUnfinishedSnapshotSplit;

        Reader(SourceReader<T, MySqlSplit> reader, SplitRequests requests) {
            this.reader = reader;
            this.requests = requests;
        }

        @Override
        public void addSplits(List<MySqlSplit> splits) {
            if (!started) {
                restoredUnfinishedSnapshotSplit |= splits.stream().anyMatch(Reader::isUnfinishedSnapshotSplit);
            }
            reader.addSplits(splits);
        }

        @Override
        public void start() {
            started = true;
            if (restoredUnfinishedSnapshotSplit) {
                LOG.info("Source reader {} restored a snapshot split it had not finished: it asks for the next "
                        + "split when that one is done", requests.getIndexOfSubtask());
                requests.holdWhile(reader::start);
            } else {
                reader.start();
            }
        }

        private static boolean isUnfinishedSnapshotSplit(MySqlSplit split) {
            return split.isSnapshotSplit() && !split.asSnapshotSplit().isSnapshotReadFinished();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
            return reader.pollNext(output);
        }

        @Override
        public List<MySqlSplit> snapshotState(long checkpointId) {
            return reader.snapshotState(checkpointId);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return reader.isAvailable();
        }

        @Override
        public void notifyNoMoreSplits() {
            reader.notifyNoMoreSplits();
        }

        @Override
        public void handleSourceEvents(SourceEvent sourceEvent) {
            reader.handleSourceEvents(sourceEvent);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            reader.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            reader.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
            reader.pauseOrResumeSplits(splitsToPause, splitsToResume);
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }
    }

    /**
     * The reader's context, unchanged except that it drops the split requests made while they are
     * held. Flink calls a reader from its task's one thread, so a plain field does.
     */
    private static final class SplitRequests implements SourceReaderContext {

        private final SourceReaderContext context;
        private boolean held;

        SplitRequests(SourceReaderContext context) {
            this.context = context;
        }

        @Override
        public void sendSplitRequest() {
            if (!held) {
                context.sendSplitRequest();
            }
        }

        void holdWhile(Runnable action) {
            held = true;
            try {
                action.run();
            } finally {
                held = false;
            }
        }

        // MySqlSource looks this method up by reflection on the context's class: it must stay public.
        @Override
        public SourceReaderMetricGroup metricGroup() {
            return context.metricGroup();
        }

        @Override
        public Configuration getConfiguration() {
            return context.getConfiguration();
        }

        @Override
        public String getLocalHostName() {
            return context.getLocalHostName();
        }

        @Override
        public int getIndexOfSubtask() {
            return context.getIndexOfSubtask();
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            context.sendSourceEventToCoordinator(sourceEvent);
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return context.getUserCodeClassLoader();
        }

        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }
    }
}
