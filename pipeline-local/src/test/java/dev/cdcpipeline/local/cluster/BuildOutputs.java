package dev.cdcpipeline.local.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files outside this module that the tests of this package check or run: the deploy/ directory, the job jar and
 * the Flink classpath the reactor built before this module. Maven passes their paths as system properties
 * (pipeline-local/pom.xml), so the tests never guess from the working directory.
 */
final class BuildOutputs {

    private BuildOutputs() {}

    static Path repositoryRoot() {
        return existing("cdc.repositoryRoot", "the repository root");
    }

    static Path deployDirectory() {
        return repositoryRoot().resolve("deploy");
    }

    /** {@code pipeline-jobs/target/pipeline-jobs.jar}, built by the pipeline-jobs module earlier in the reactor. */
    static Path pipelineJobsJar() {
        return existing("cdc.pipelineJobsJar", "the job jar; build it first: ./mvnw package -pl pipeline-jobs -am -DskipTests");
    }

    /** The classpath file that stands in for a Flink distribution's lib/, written by the flink-dist-classpath module. */
    static Path flinkLibClasspathFile() {
        return existing("cdc.flinkLibClasspath",
                "the Flink classpath file; build it first: ./mvnw generate-resources -pl flink-dist-classpath");
    }

    /**
     * The classpath file of the jars that opt/ of a Flink distribution holds for its SQL client (the client itself,
     * the SQL gateway it embeds, flink-python), written by the flink-dist-classpath module.
     */
    static Path flinkSqlClientClasspathFile() {
        return existing("cdc.flinkSqlClientClasspath",
                "the SQL client's classpath file; build it first: ./mvnw generate-resources -pl flink-dist-classpath");
    }

    /** Where the cluster's processes log: in target/, so that the logs of a failed run are still there to read. */
    static Path clusterLogDirectory() {
        return Path.of(required("cdc.clusterLogDirectory", "the cluster's log directory"));
    }

    private static Path existing(String property, String what) {
        Path path = Path.of(required(property, what)).normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException("Missing " + path + ": " + what);
        }
        return path;
    }

    private static String required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run this test through Maven "
                    + "(pipeline-local/pom.xml sets it to " + what + ")");
        }
        return value;
    }
}
