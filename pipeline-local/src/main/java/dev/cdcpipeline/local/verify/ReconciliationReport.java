package dev.cdcpipeline.local.verify;

import java.util.List;

/**
 * What a reconciliation found, counted by the promise each discrepancy breaks (see
 * {@link Discrepancy.Kind}): rows or changes lost, changes duplicated, and copies that hold
 * something the source does not.
 */
public record ReconciliationReport(int tables, long sourceRows, long warehouseRows, long kafkaRecords,
        long lost, long duplicated, long mismatched, List<String> examples) {

    public ReconciliationReport {
        examples = List.copyOf(examples);
    }

    /** Every discrepancy, whatever its kind. */
    public long discrepancies() {
        return lost + duplicated + mismatched;
    }

    public boolean consistent() {
        return discrepancies() == 0;
    }

    /** The demo's closing line. */
    public String summaryLine() {
        return "reconciled: tables=" + tables + " source_rows=" + sourceRows + " warehouse_rows=" + warehouseRows
                + " kafka_records=" + kafkaRecords + " mismatches=" + discrepancies();
    }
}
