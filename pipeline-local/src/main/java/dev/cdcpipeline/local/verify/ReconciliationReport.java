package dev.cdcpipeline.local.verify;

import java.util.List;

/**
 * What a reconciliation found. A mismatch is a row missing on one side, a value that differs, or
 * a change record that appears twice or out of order in its topic.
 */
public record ReconciliationReport(
        int tables, long sourceRows, long warehouseRows, long kafkaRecords, long mismatches, List<String> examples) {

    public ReconciliationReport {
        examples = List.copyOf(examples);
    }

    public boolean consistent() {
        return mismatches == 0;
    }

    /** The demo's closing line. */
    public String summaryLine() {
        return "reconciled: tables=" + tables + " source_rows=" + sourceRows + " warehouse_rows=" + warehouseRows
                + " kafka_records=" + kafkaRecords + " mismatches=" + mismatches;
    }
}
