package dev.cdcpipeline.source;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.config.TablePattern;

import java.util.ArrayList;
import java.util.List;

/** Which of a database's tables a source's {@code tables} patterns capture. */
public final class TableMatching {

    private TableMatching() {}

    /**
     * The tables any pattern matches, in the order of the patterns, each once.
     *
     * @param hint what the user may have got wrong, for the message when a pattern matches nothing
     * @throws SourceUnavailableException naming every pattern that matches no table
     */
    public static List<TableId> captured(SourceSettings source, List<TableId> all, String hint) {
        List<TableId> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (TablePattern pattern : source.tables()) {
            List<TableId> hits = all.stream().filter(table -> pattern.matches(table.database(), table.table())).toList();
            if (hits.isEmpty()) {
                unmatched.add(pattern.toString());
            }
            hits.stream().filter(table -> !matched.contains(table)).forEach(matched::add);
        }
        if (!unmatched.isEmpty()) {
            throw new SourceUnavailableException("tables of the " + source.describe() + ": no table matches "
                    + String.join(", ", unmatched) + " (" + hint + ")");
        }
        return matched;
    }
}
