package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * This JVM's peak resident set size ({@code VmHWM} in {@code /proc/self/status}), which Linux lets a
 * process reset ({@code 5} into {@code /proc/self/clear_refs}), so each phase gets its own peak.
 */
final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {}

    /** @return whether the peak could be reset; if not, the next peak is the one since the JVM started */
    static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static OptionalLong peakBytes() {
        try {
            return parseKilobytes(Files.readString(STATUS), "VmHWM:");
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseKilobytes(String status, String field) {
        return status.lines()
                .filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024)
                .findFirst();
    }
}
