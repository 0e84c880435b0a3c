package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path directory;

    @Test
    void figuresAreOneRowEachWithPlainNumbersAndQuotedNotes() throws Exception {
        Path file = directory.resolve("results.csv");
        ResultsCsv.writeFigures(List.of(
                new Figure("snapshot", "rows_per_s", 91234.56789, "rows/s", "rows / time to BOTH sinks, polled"),
                new Figure("snapshot", "keeps_up", 1, "bool", "says \"yes\""),
                new Figure("latency_1000ms", "kafka_p99_ms", 1480, "ms")), file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "phase,metric,value,unit,note\r\n"
                        + "snapshot,rows_per_s,91234.5679,rows/s,\"rows / time to BOTH sinks, polled\"\r\n"
                        + "snapshot,keeps_up,1,bool,\"says \"\"yes\"\"\"\r\n"
                        + "latency_1000ms,kafka_p99_ms,1480,ms,\r\n");
    }

    @Test
    void seriesAreOneRowPerPoint() throws Exception {
        TimeSeries line = TimeSeries.of("snapshot", "pipeline: in the warehouse");
        line.add(0.5, 1000);
        line.add(1.0, 2500.25);
        Path file = directory.resolve("timeseries.csv");
        ResultsCsv.writeSeries(List.of(line), file);
        assertThat(Files.readAllLines(file)).containsExactly(
                "chart,series,x,y",
                "snapshot,pipeline: in the warehouse,0.5,1000",
                "snapshot,pipeline: in the warehouse,1,2500.25");
    }

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(ResultsCsv.field("plain text")).isEqualTo("plain text");
        assertThat(ResultsCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultsCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void numbersInTheTableAreGroupedAndInTheCsvPlain() {
        assertThat(FigureFormat.readable(91234.567)).isEqualTo("91,235");
        assertThat(FigureFormat.readable(18.64)).isEqualTo("18.6");
        assertThat(FigureFormat.readable(0.0971)).isEqualTo("0.097");
        assertThat(FigureFormat.readable(3)).isEqualTo("3");
        assertThat(FigureFormat.plain(-1)).isEqualTo("-1");
        assertThat(FigureFormat.plain(0)).isEqualTo("0");
        assertThat(FigureFormat.plain(100)).isEqualTo("100");
        assertThat(FigureFormat.plain(Double.NaN)).isEmpty();
    }
}
