package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns an expression may name. A quoted name matches exactly; a bare name matches exactly,
 * or else ignoring case (SQL folds bare names), as long as only one column matches that way.
 */
final class ColumnCatalog {

    private final Map<String, ValueKind> columns;

    ColumnCatalog(Map<String, ValueKind> columns) {
        this.columns = columns;
    }

    /** @return the column's name as the table spells it */
    String resolve(String name, boolean quoted, int position) {
        if (columns.containsKey(name)) {
            return name;
        }
        List<String> sameIgnoringCase = new ArrayList<>();
        for (String column : columns.keySet()) {
            if (column.equalsIgnoreCase(name)) {
                sameIgnoringCase.add(column);
            }
        }
        if (!quoted && sameIgnoringCase.size() == 1) {
            return sameIgnoringCase.get(0);
        }
        if (!quoted && sameIgnoringCase.size() > 1) {
            throw new ExpressionException("column name " + Operand.quote(name) + " at " + position + " matches "
                    + String.join(" and ", sameIgnoringCase) + " ignoring case; write the one meant in double quotes,"
                    + " which match exactly", position);
        }
        String hint = quoted && !sameIgnoringCase.isEmpty() ? " (a name in quotes matches its case exactly)" : "";
        throw new ExpressionException("unknown column " + Operand.quote(name) + " at " + position + hint + "; "
                + (columns.isEmpty() ? "the table has no columns" : "the table's columns are " + String.join(", ", columns.keySet())),
                position);
    }

    ValueKind kindOf(String column) {
        return columns.get(column);
    }
}
