package dev.cdcpipeline.job;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.TransformSettings;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.transform.TableTransform;
import dev.cdcpipeline.transform.TransformCompiler;
import dev.cdcpipeline.transform.TransformDefinitionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the definition's transforms to the captured tables and compiles them, before the job
 * starts: a transform that matches no table, a table matched twice, or a transform that does not
 * fit its table's columns stops the pipeline with every problem listed.
 */
final class TransformResolution {

    private TransformResolution() {}

    static Map<TableId, TableTransform> resolve(List<TransformSettings> transforms, List<SourceTable> tables) {
        List<String> problems = new ArrayList<>();
        Map<TableId, TableTransform> transformByTable = new LinkedHashMap<>();
        Map<TableId, String> matchedBy = new LinkedHashMap<>();
        for (int i = 0; i < transforms.size(); i++) {
            String where = "transforms[" + i + "]";
            TransformSettings transform = transforms.get(i);
            boolean matched = false;
            for (SourceTable table : tables) {
                TableId id = table.id();
                if (!transform.matches(id.source(), id.database(), id.table())) {
                    continue;
                }
                matched = true;
                String earlier = matchedBy.putIfAbsent(id, where);
                if (earlier != null) {
                    problems.add(where + ": table " + id + " is already transformed by " + earlier
                            + "; write one transform per table");
                    continue;
                }
                try {
                    transformByTable.put(id, TransformCompiler.compile(where, transform, table));
                } catch (TransformDefinitionException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!matched) {
                problems.add(where + ".source-table: '" + transform.sourceTable() + "'"
                        + (transform.source() == null ? "" : " of source " + transform.source())
                        + " matches none of the captured tables " + tables.stream().map(SourceTable::id).toList());
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(null, problems);
        }
        return transformByTable;
    }

    /** Each table as the sinks see it: transformed where a transform applies. */
    static List<SourceTable> outputTables(List<SourceTable> tables, Map<TableId, TableTransform> transforms) {
        return tables.stream()
                .map(table -> transforms.containsKey(table.id()) ? transforms.get(table.id()).outputSchema() : table)
                .toList();
    }
}
