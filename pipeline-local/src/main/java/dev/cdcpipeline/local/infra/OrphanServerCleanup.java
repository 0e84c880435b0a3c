package dev.cdcpipeline.local.infra;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops database servers that an earlier JVM left running on our directories. mariadbd and postgres outlive a
 * JVM killed with {@code kill -9} (postgres is started through pg_ctl and is never our child), and a new server
 * on the same directory would then share it with the orphan.
 */
final class OrphanServerCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanServerCleanup.class);
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private OrphanServerCleanup() {
    }

    /**
     * Terminates every process whose command line holds {@code argument} as a whole word (for example
     * {@code --datadir=/work/mariadb-data}), then its children: SIGTERM first so the server can shut down
     * cleanly, SIGKILL for whatever is still alive after the grace period.
     */
    static void stopProcessesWithArgument(String argument) {
        Pattern wholeArgument = Pattern.compile("(^|\\s)" + Pattern.quote(argument) + "(\\s|$)");
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(process -> !process.equals(ProcessHandle.current()))
                .filter(process -> process.info().commandLine().filter(wholeArgument.asPredicate()).isPresent())
                .toList();
        if (orphans.isEmpty()) {
            return;
        }
        LOG.warn("Stopping {} server process(es) left running with {} by an earlier run", orphans.size(), argument);
        List<ProcessHandle> orphansAndChildren = orphans.stream()
                .flatMap(orphan -> Stream.concat(Stream.of(orphan), orphan.descendants()))
                .toList();
        orphans.forEach(ProcessHandle::destroy);
        if (!awaitExit(orphansAndChildren, GRACE_PERIOD)) {
            orphansAndChildren.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (!awaitExit(orphansAndChildren, KILL_WAIT)) {
                throw new IllegalStateException("Could not stop the processes left running with " + argument);
            }
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream()
                .map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not watch a process exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping left-over servers", e);
        }
    }
}
