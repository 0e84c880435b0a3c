package dev.cdcpipeline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import java.util.List;

import org.junit.jupiter.api.Test;

class CanonicalRowTest {

    private static SourceColumn column(String name, String dataType) {
        return new SourceColumn(name, dataType, false, 0, 0, 0, 0, false, false);
    }

    @Test
    void theKeyIsJsonInKeyOrderWithNumbersAsNumbers() {
        SourceTable table = new SourceTable(new TableId("mysql", "shop", "lines"),
                List.of(column("note", "text"), column("line", "int"), column("order_code", "varchar"), column("amount", "decimal")),
                List.of("order_code", "line"));

        String key = new CanonicalRow(table).keyText(new String[] {"x", "3", "A\"1", "19.99"});

        assertThat(key).isEqualTo("{\"order_code\":\"A\\\"1\",\"line\":3}");
    }

    @Test
    void largeAndSmallNumbersStayPlain() {
        SourceTable table = new SourceTable(new TableId("mysql", "shop", "t"), List.of(column("id", "decimal")), List.of("id"));

        assertThat(new CanonicalRow(table).keyText(new String[] {"18446744073709551615"})).isEqualTo("{\"id\":18446744073709551615}");
        assertThat(new CanonicalRow(table).keyText(new String[] {"0.0000001"})).isEqualTo("{\"id\":0.0000001}");
    }
}
