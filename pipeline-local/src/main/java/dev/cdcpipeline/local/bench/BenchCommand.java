package dev.cdcpipeline.local.bench;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.Optional;

/** {@code bench}: runs the benchmark and prints its summary line last. */
public final class BenchCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    private BenchCommand() {}

    /** @return the exit code: 0 when every phase ran, 1 when one failed, 2 for bad options */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // The plots are drawn without a display; this must be set before AWT loads.
        System.setProperty("java.awt.headless", "true");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, LocalDateTime.now());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\nUsage: java -jar pipeline-local.jar " + BenchOptions.USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            BenchResults results = new BenchRun(options, out).run();
            Optional<SummaryLine> summary = results.summaryLine();
            if (summary.isEmpty()) {
                err.println("bench: some measurements are missing; no summary line");
                return FAILED;
            }
            out.println(summary.get().format());
            return OK;
        } catch (Exception e) {
            err.println("bench failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }
}
