package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** What the bench reads from /proc and from the records' JSON, on fixed samples. */
class ProcessReadingsTest {

    @Test
    void cpuTimeOfAProcessComesFromFieldsFourteenToSeventeen() {
        // The command name may hold spaces and parentheses.
        String stat = "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 1071 0 0 0 150 50 7 3 20 0 1 0 123 1000 10";
        ProcessStat parsed = ProcessStat.parse(stat);
        assertThat(parsed.ownTicks()).isEqualTo(200);
        assertThat(parsed.reapedChildrenTicks()).isEqualTo(10);
        assertThat(ProcessStat.ticksToNanos(200)).isEqualTo(2_000_000_000L);
    }

    @Test
    void machineBusyTimeLeavesOutIdleAndIowait() {
        String stat = "cpu  100 5 30 9000 400 2 3 1 0 0\ncpu0 50 2 15 4500 200 1 1 0 0 0\n";
        assertThat(MachineCpu.parseBusyTicks(stat)).isEqualTo(100 + 5 + 30 + 2 + 3 + 1);
    }

    @Test
    void peakMemoryIsReadInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100000 kB\n";
        assertThat(PeakMemory.parseKilobytes(status, "VmHWM:")).isEqualTo(OptionalLong.of(123456L * 1024));
        assertThat(PeakMemory.parseKilobytes(status, "VmSwap:")).isEmpty();
    }

    @Test
    void theCommitTimeAndIdAreFoundInAChangeRecord() {
        byte[] value = ("{\"op\":\"c\",\"source\":{\"connector\":\"mysql\",\"ts_ms\":1764064800000},\"key\":{\"id\":42},"
                + "\"before\":null,\"after\":{\"id\":42,\"updated_at\":\"2026-03-01T14:05:09.123456Z\"},\"ts_ms\":1}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(JsonFields.instantMillis(value, "updated_at")).isEqualTo(OptionalLong.of(1772373909123L));
        assertThat(JsonFields.longValue("{\"id\":42}".getBytes(StandardCharsets.UTF_8), "id")).isEqualTo(OptionalLong.of(42));
        assertThat(JsonFields.instantMillis(value, "committed_at")).isEmpty();
        assertThat(JsonFields.instantMillis(null, "updated_at")).isEmpty();
    }
}
