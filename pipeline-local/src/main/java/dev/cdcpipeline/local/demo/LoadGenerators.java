package dev.cdcpipeline.local.demo;

import java.util.ArrayList;
import java.util.List;

/** The demo's load generators, one per source database, stopped and counted together. */
final class LoadGenerators implements AutoCloseable {

    private final List<LoadGenerator> generators = new ArrayList<>();

    void add(LoadGenerator generator) {
        generators.add(generator);
    }

    long committedChanges() {
        return generators.stream().mapToLong(LoadGenerator::committedChanges).sum();
    }

    /** Stops all; returns their committed changes together. */
    long stop() throws Exception {
        long changes = 0;
        for (LoadGenerator generator : generators) {
            changes += generator.stop();
        }
        return changes;
    }

    @Override
    public void close() throws Exception {
        for (LoadGenerator generator : generators) {
            generator.close();
        }
    }
}
