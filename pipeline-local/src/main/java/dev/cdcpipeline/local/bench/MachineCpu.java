package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine spent busy ({@code /proc/stat}: user, nice, system, irq, softirq,
 * steal; not idle or iowait), so a phase can tell how much of it went to processes other than the
 * bench's: the noise in its figures.
 */
final class MachineCpu {

    private MachineCpu() {}

    static long busyNanos() {
        try {
            return parseBusyTicks(Files.readString(Path.of("/proc/stat"))) * (1_000_000_000L / ProcessStat.TICKS_PER_SECOND);
        } catch (IOException e) {
            return 0;
        }
    }

    static long parseBusyTicks(String stat) {
        String[] fields = stat.lines().filter(line -> line.startsWith("cpu ")).findFirst().orElse("cpu").trim().split("\\s+");
        long busy = 0;
        // cpu user nice system idle iowait irq softirq steal ...
        int[] busyFields = {1, 2, 3, 6, 7, 8};
        for (int field : busyFields) {
            if (field < fields.length) {
                busy += Long.parseLong(fields[field]);
            }
        }
        return busy;
    }
}
