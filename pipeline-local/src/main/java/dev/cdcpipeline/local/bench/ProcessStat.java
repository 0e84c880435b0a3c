package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time of another process from {@code /proc/<pid>/stat} (Linux). Fields 14 to 17 are user and
 * system time of the process and of its children that it has waited for, in clock ticks.
 *
 * @param ownTicks user + system time of the process itself
 * @param reapedChildrenTicks user + system time of its ended children (PostgreSQL's backends)
 */
record ProcessStat(long ownTicks, long reapedChildrenTicks) {

    /** USER_HZ: 100 on every Linux architecture the embedded servers ship binaries for. */
    static final long TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

    /** Empty once the process has ended. */
    static Optional<ProcessStat> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The second field, the command name, is in parentheses and may hold spaces: count fields after it. */
    static ProcessStat parse(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): field n is fields[n - 3].
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        long cutime = Long.parseLong(fields[13]);
        long cstime = Long.parseLong(fields[14]);
        return new ProcessStat(utime + stime, cutime + cstime);
    }

    static long ticksToNanos(long ticks) {
        return ticks * NANOS_PER_TICK;
    }
}
