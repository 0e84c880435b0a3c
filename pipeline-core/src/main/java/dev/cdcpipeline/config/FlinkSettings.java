package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.util.TimeUtils;

/**
 * The {@code flink:} section, optional: Flink configuration options, with Flink's own key names, so
 * that settings can be copied between this file and a Flink configuration. Write them as flat keys:
 * {@code execution.checkpointing.interval: 10s}.
 *
 * <p>Two options are read and checked here:
 * <ul>
 *   <li>{@code execution.checkpointing.interval}: default {@code 10s} (Flink's own default is no
 *       checkpoints, and the sinks commit on checkpoints); a duration {@code > 0}.
 *   <li>{@code execution.checkpointing.dir}: optional; a URI with a scheme, such as
 *       {@code file:///var/lib/cdc/checkpoints} or {@code s3://bucket/checkpoints}. Its deprecated
 *       names ({@code state.checkpoints.dir}, ...) are refused, so that {@link #checkpointDir()} sees
 *       what Flink sees.
 * </ul>
 * Every other key is passed to Flink as written, as a string, and is NOT checked: Flink has hundreds
 * of options and they change between versions. A misspelt Flink key is ignored by Flink.
 *
 * @param options every option of the section, plus {@code execution.checkpointing.interval} if absent
 */
public record FlinkSettings(Map<String, String> options) implements Serializable {

    public static final String CHECKPOINTING_INTERVAL = CheckpointingOptions.CHECKPOINTING_INTERVAL.key();
    public static final String CHECKPOINTING_DIR = CheckpointingOptions.CHECKPOINTS_DIRECTORY.key();
    public static final String DEFAULT_CHECKPOINTING_INTERVAL = "10s";

    /** Adds the default checkpointing interval, so that {@link #options()} is complete for Flink. */
    public FlinkSettings {
        Map<String, String> withDefaults = new LinkedHashMap<>(options);
        withDefaults.putIfAbsent(CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINTING_INTERVAL);
        options = PassThroughProperties.copyOf(withDefaults);
    }

    /** {@code execution.checkpointing.interval}. */
    public Duration checkpointInterval() {
        return TimeUtils.parseDuration(options.get(CHECKPOINTING_INTERVAL));
    }

    /** {@code execution.checkpointing.dir}, if set. */
    public Optional<String> checkpointDir() {
        return Optional.ofNullable(options.get(CHECKPOINTING_DIR));
    }
}
