package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded MariaDB and PostgreSQL servers, which run as processes of their own, and the CPU
 * time they used: MariaDB is one process; PostgreSQL is a postmaster with a process per
 * connection, whose CPU time the postmaster collects when they end.
 */
final class ServerProcesses {

    private final Optional<ProcessHandle> mariaDb;
    private final Optional<ProcessHandle> postgres;

    private ServerProcesses(Optional<ProcessHandle> mariaDb, Optional<ProcessHandle> postgres) {
        this.mariaDb = mariaDb;
        this.postgres = postgres;
    }

    /** Finds the servers by their data directories under the playground's work directory. */
    static ServerProcesses find(Path workDirectory) throws IOException {
        Path directory = workDirectory.toRealPath();
        return new ServerProcesses(
                processWithArgument("--datadir=" + directory.resolve("mariadb-data")),
                processWithArgument(directory.resolve("postgres-data").toString()));
    }

    private static Optional<ProcessHandle> processWithArgument(String argument) {
        return ProcessHandle.allProcesses()
                .filter(process -> !process.equals(ProcessHandle.current()))
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(each -> each.equals(argument)))
                .findFirst();
    }

    boolean found() {
        return mariaDb.isPresent() && postgres.isPresent();
    }

    long mariaDbCpuNanos() {
        return mariaDb.flatMap(process -> ProcessStat.of(process.pid()))
                .map(stat -> ProcessStat.ticksToNanos(stat.ownTicks() + stat.reapedChildrenTicks()))
                .orElse(0L);
    }

    /** The postmaster, the connections' processes that ended, and those still running. */
    long postgresCpuNanos() {
        if (postgres.isEmpty()) {
            return 0;
        }
        ProcessHandle postmaster = postgres.get();
        long ticks = ProcessStat.of(postmaster.pid())
                .map(stat -> stat.ownTicks() + stat.reapedChildrenTicks()).orElse(0L);
        ticks += postmaster.descendants()
                .mapToLong(child -> ProcessStat.of(child.pid()).map(ProcessStat::ownTicks).orElse(0L))
                .sum();
        return ProcessStat.ticksToNanos(ticks);
    }
}
