package dev.cdcpipeline.local.verify;

import java.util.List;

/** What recomputing the feature views by brute force found: entities whose latest record differs. */
public record FeatureReport(int views, long entities, long mismatches, List<String> examples) {

    public FeatureReport {
        examples = List.copyOf(examples);
    }

    public boolean consistent() {
        return mismatches == 0;
    }

    /** The demo's line before the reconciliation's. */
    public String summaryLine() {
        return "features: views=" + views + " entities=" + entities + " mismatches=" + mismatches;
    }
}
