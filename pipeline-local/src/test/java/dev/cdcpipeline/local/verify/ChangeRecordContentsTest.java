package dev.cdcpipeline.local.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.verify.CanonicalValues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class ChangeRecordContentsTest {

    @Test
    void aCompleteHistoryHasNoDiscrepancy() {
        ChangeRecordContents contents = new ChangeRecordContents();
        contents.add("1", change("mysql", "r", 1, null, "new"));
        contents.add("1", change("mysql", "u", 2, "new", "paid"));
        contents.add("1", change("mysql", "d", 3, "paid", null));
        contents.add("1", change("mysql", "c", 4, null, "new"));

        assertThat(contents.violations()).isEmpty();
        assertThat(contents.latestRowByKey().get("1").get("status").asText()).isEqualTo("new");
    }

    @Test
    void aMissingUpdateInBetweenIsALoss() {
        ChangeRecordContents contents = new ChangeRecordContents();
        contents.add("1", change("mysql", "r", 1, null, "new"));
        // The update new -> paid is missing: this one starts from "paid".
        contents.add("1", change("mysql", "u", 3, "paid", "shipped"));

        assertThat(contents.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.kind()).isEqualTo(Discrepancy.Kind.LOST));
    }

    @Test
    void aMissingDeleteOrInsertIsALoss() {
        ChangeRecordContents contents = new ChangeRecordContents();
        contents.add("1", change("mysql", "c", 1, null, "new"));
        contents.add("1", change("mysql", "c", 2, null, "new"));
        contents.add("2", change("mysql", "c", 1, null, "new"));
        contents.add("2", change("mysql", "d", 2, "new", null));
        contents.add("2", change("mysql", "u", 3, "new", "paid"));

        assertThat(contents.violations()).extracting(Discrepancy::kind)
                .containsExactly(Discrepancy.Kind.LOST, Discrepancy.Kind.LOST);
    }

    @Test
    void theSameChangeTwiceIsADuplicate() {
        ChangeRecordContents contents = new ChangeRecordContents();
        contents.add("1", change("mysql", "c", 1, null, "new"));
        contents.add("1", change("mysql", "c", 1, null, "new"));

        assertThat(contents.violations()).extracting(Discrepancy::kind).containsExactly(Discrepancy.Kind.DUPLICATED);
    }

    @Test
    void postgresBeforeImagesAreNotComparedTheyMayHoldTheKeyOnly() {
        ChangeRecordContents contents = new ChangeRecordContents();
        contents.add("1", change("postgresql", "r", 1, null, "new"));
        contents.add("1", change("postgresql", "u", 2, "", "paid"));

        assertThat(contents.violations()).isEmpty();
    }

    /** A change record as the pipeline writes it; {@code before}/{@code after} give the row's status, null for none. */
    private static JsonNode change(String connector, String operation, long position, String before, String after) {
        ObjectNode change = CanonicalValues.JSON.createObjectNode();
        change.put("op", operation);
        change.putObject("source").put("connector", connector).put("position", String.format("%020d", position));
        change.set("before", row(before));
        change.set("after", row(after));
        return change;
    }

    private static JsonNode row(String status) {
        if (status == null) {
            return CanonicalValues.JSON.nullNode();
        }
        ObjectNode row = CanonicalValues.JSON.createObjectNode().put("id", 1);
        return status.isEmpty() ? row : row.put("status", status);
    }
}
