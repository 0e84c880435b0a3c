package dev.cdcpipeline.local.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each latency probe was first seen in a sink, as milliseconds after its commit. */
final class ProbeSightings {

    private final Map<Long, Long> latencyMillisById = new ConcurrentHashMap<>();

    /** The first sighting counts: a later one (a replay) is not a new arrival. */
    void seen(long probeId, long latencyMillis) {
        latencyMillisById.putIfAbsent(probeId, Math.max(0, latencyMillis));
    }

    boolean sawAll(Collection<Long> probeIds) {
        return probeIds.stream().allMatch(latencyMillisById::containsKey);
    }

    /** The latencies of those of the probes that were seen. */
    List<Long> latenciesOf(Collection<Long> probeIds) {
        List<Long> latencies = new ArrayList<>();
        for (Long id : probeIds) {
            Long latency = latencyMillisById.get(id);
            if (latency != null) {
                latencies.add(latency);
            }
        }
        return latencies;
    }
}
