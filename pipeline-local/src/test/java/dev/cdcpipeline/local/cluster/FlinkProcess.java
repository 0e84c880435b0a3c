package dev.cdcpipeline.local.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One JobManager or TaskManager as its own JVM, started the way Flink's start scripts start it, from the classpath
 * of a distribution's lib/. Its log and console output go to files in the work directory.
 */
final class FlinkProcess {

    /**
     * The JVM options Flink 1.20's default configuration passes on Java 17 (env.java.default-opts.all): Flink's
     * serializers and RPC reach into these JDK packages.
     */
    static final List<String> JAVA_17_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final int LOG_LINES_IN_REPORTS = 60;

    private final String name;
    private final Process process;
    private final Path logFile;

    private FlinkProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code mainClass} with {@code --configDir} and the given dynamic properties ({@code -Dkey=value},
     * which win over the configuration file), with {@code environment} added to this JVM's environment.
     */
    static FlinkProcess start(String name, String mainClass, FlinkProcessMemory memory, String classpath,
            Path configurationDirectory, Path logDirectory, Map<String, String> dynamicProperties,
            Map<String, String> environment) throws IOException {
        Files.createDirectories(logDirectory);
        Path logFile = logDirectory.resolve(name + ".log");
        Files.deleteIfExists(logFile); // from an earlier run
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(memory.jvmArguments());
        command.addAll(JAVA_17_OPENS);
        command.add("-Dlog.file=" + logFile);
        command.add("-Dlog4j.configurationFile=" + configurationDirectory.resolve("log4j.properties").toUri());
        command.addAll(List.of("-cp", classpath, mainClass, "--configDir", configurationDirectory.toString()));
        dynamicProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDirectory.resolve(name + ".out").toFile());
        builder.environment().putAll(environment);
        return new FlinkProcess(name, builder.start(), logFile);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, so Flink shuts down cleanly; SIGKILL for the process and its children if it is still alive after the grace period. */
    void stop(long graceSeconds) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            kill();
            process.waitFor(graceSeconds, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** For a JVM that is exiting: no waiting, just gone. */
    void kill() {
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroyForcibly);
    }

    /** The end of the process's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            return "--- last lines of " + logFile + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_REPORTS), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
