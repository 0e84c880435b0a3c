package dev.cdcpipeline.sql;

import org.apache.flink.core.execution.JobClient;

/**
 * A job a script started.
 *
 * @param line where the statement (set) that started it begins in the script
 * @param description what it runs, for messages: {@code 3 INSERTs}
 */
public record StartedJob(JobClient client, int line, String description) {

    @Override
    public String toString() {
        return "the job of line " + line + " (" + description + ", Flink job " + client.getJobID() + ")";
    }
}
