package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the bench ran on, and how busy the machine was before it started. */
record MachineDescription(int cores, String cpuModel, double memoryGib, String operatingSystem, String java,
        double loadAverageAtStart) {

    static MachineDescription read() {
        return new MachineDescription(
                Runtime.getRuntime().availableProcessors(),
                firstLineValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU"),
                PeakMemory.parseKilobytes(readOrEmpty(Path.of("/proc/meminfo")), "MemTotal:").orElse(0) / 1073741824.0,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                loadAverage());
    }

    private static double loadAverage() {
        String[] fields = readOrEmpty(Path.of("/proc/loadavg")).trim().split("\\s+");
        try {
            return Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<String> firstLineValue(Path file, String key) {
        return readOrEmpty(file).lines()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    String summary() {
        return String.format("%d cores (%s), %.1f GiB, %s, %s; load average %.2f before the run", cores, cpuModel, memoryGib,
                operatingSystem, java, loadAverageAtStart);
    }

    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("machine", "cores", cores, "cores", cpuModel));
        figures.add(new Figure("machine", "memory", memoryGib, "GiB", operatingSystem));
        figures.add(new Figure("machine", "load_average_before", loadAverageAtStart, "", java));
        return figures;
    }
}
