package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code features:} list: aggregates of one captured table's rows per entity,
 * over sliding windows, kept up to date as the rows change.
 *
 * <pre>{@code
 * features:
 *   - name: customer_orders
 *     source-table: shop.orders
 *     entity: customer_id
 *     event-time: created_at
 *     windows: [1h, 24h]
 *     aggregates:
 *       - {name: orders, function: count}
 *       - {name: spend, function: sum, column: amount}
 * }</pre>
 *
 * @param name {@code name}, required: a-z, 0-9 and '_', starting with a letter; part of the topic
 *     and warehouse table names
 * @param sourceTable {@code source-table}, required: {@code database.table} of one captured table
 *     (as the transforms left it)
 * @param source {@code source}: the pipeline source the table comes from; {@code null} when absent,
 *     which is allowed when only one captured table matches
 * @param entityColumn {@code entity}, required: the column whose value the features are grouped by
 * @param eventTimeColumn {@code event-time}: the column holding each row's event time (DATE,
 *     DATETIME or TIMESTAMP); {@code null} when absent: then a row's event time is the source commit
 *     time of its last change (the time the pipeline read it, for snapshot rows)
 * @param timeZone {@code time-zone}, default {@code UTC}: the zone of a DATETIME or DATE event-time
 *     column's wall-clock values
 * @param windows {@code windows}, required: one or more {@link FeatureWindow}s
 * @param allowedLateness {@code allowed-lateness}, default the longest window: how far behind the
 *     pipeline's clock a change's event time may be and still be applied; later changes that would
 *     alter a window go to the dead-letter output
 * @param aggregates {@code aggregates}, required: one or more {@link AggregateSettings}
 */
public record FeatureViewSettings(
        String name,
        TablePattern sourceTable,
        String source,
        String entityColumn,
        String eventTimeColumn,
        ZoneId timeZone,
        List<FeatureWindow> windows,
        Duration allowedLateness,
        List<AggregateSettings> aggregates)
        implements Serializable {

    public FeatureViewSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(entityColumn, "entityColumn");
        Objects.requireNonNull(timeZone, "timeZone");
        windows = List.copyOf(windows);
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        aggregates = List.copyOf(aggregates);
        if (windows.isEmpty() || aggregates.isEmpty()) {
            throw new IllegalArgumentException("a feature view needs at least one window and one aggregate");
        }
    }

    public Optional<String> eventTime() {
        return Optional.ofNullable(eventTimeColumn);
    }

    public Duration longestWindow() {
        return windows.stream().map(FeatureWindow::length).max(Comparator.naturalOrder()).orElseThrow();
    }
}
