package dev.cdcpipeline.change;

import java.io.Serializable;

/**
 * Where a change sits in the source's log, totally ordered: a later change of a row always has a
 * greater position.
 *
 * <p>Three numbers fit every log we read: for a MySQL/MariaDB binlog, the file's sequence number
 * (the digits of {@code mysql-bin.000042}), the event's byte offset in that file, and the row's
 * index inside the event (one rows event can hold many rows).
 *
 * <p>{@link #sortableText()} renders it as fixed-width text that sorts like the position itself,
 * so the warehouse can compare positions with plain SQL ({@code COLLATE "C"}).
 */
public record SourcePosition(long segment, long offset, long index)
        implements Comparable<SourcePosition>, Serializable {

    private static final String SORTABLE_FORMAT = "%010d:%020d:%010d";

    public SourcePosition {
        if (segment < 0 || offset < 0 || index < 0) {
            throw new IllegalArgumentException(
                    "A source position has no negative parts: " + segment + "/" + offset + "/" + index);
        }
    }

    /** A binlog position; {@code fileName} is e.g. {@code mysql-bin.000042}. */
    public static SourcePosition ofBinlog(String fileName, long position, long row) {
        return new SourcePosition(binlogFileSequence(fileName), position, row);
    }

    static long binlogFileSequence(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            // Snapshot rows read before any binlog position is known sort first.
            return 0;
        }
        int dot = fileName.lastIndexOf('.');
        String digits = fileName.substring(dot + 1);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a binlog file name: " + fileName, e);
        }
    }

    public boolean isAfter(SourcePosition other) {
        return compareTo(other) > 0;
    }

    public String sortableText() {
        return String.format(SORTABLE_FORMAT, segment, offset, index);
    }

    @Override
    public int compareTo(SourcePosition other) {
        int bySegment = Long.compare(segment, other.segment);
        if (bySegment != 0) {
            return bySegment;
        }
        int byOffset = Long.compare(offset, other.offset);
        return byOffset != 0 ? byOffset : Long.compare(index, other.index);
    }

    @Override
    public String toString() {
        return sortableText();
    }
}
