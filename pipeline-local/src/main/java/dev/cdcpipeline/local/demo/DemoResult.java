package dev.cdcpipeline.local.demo;

import dev.cdcpipeline.local.verify.FeatureReport;
import dev.cdcpipeline.local.verify.ReconciliationReport;

/**
 * How a demo run ended: the feature views checked by brute force ({@code null} when the run had
 * none, as with {@code --engine sql}) and the tables reconciled.
 */
public record DemoResult(FeatureReport features, ReconciliationReport reconciliation) {

    public boolean consistent() {
        return (features == null || features.consistent()) && reconciliation.consistent();
    }
}
