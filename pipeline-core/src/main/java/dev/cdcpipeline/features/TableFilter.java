package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;

import org.apache.flink.api.common.functions.FilterFunction;

/** Passes the changes of one table: a feature view reads one. */
final class TableFilter implements FilterFunction<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final TableId table;

    TableFilter(TableId table) {
        this.table = table;
    }

    @Override
    public boolean filter(ChangeEvent change) {
        return change.table().equals(table);
    }
}
