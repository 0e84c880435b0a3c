package dev.cdcpipeline.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class SourcePositionTest {

    @Test
    void ordersByFileThenOffsetThenRow() {
        SourcePosition first = SourcePosition.ofBinlog("mysql-bin.000002", 9_999_999, 7);
        SourcePosition second = SourcePosition.ofBinlog("mysql-bin.000010", 4, 0);
        SourcePosition third = SourcePosition.ofBinlog("mysql-bin.000010", 4, 1);
        SourcePosition fourth = SourcePosition.ofBinlog("mysql-bin.000010", 120, 0);

        assertThat(second.isAfter(first)).isTrue();
        assertThat(third.isAfter(second)).isTrue();
        assertThat(fourth.isAfter(third)).isTrue();
        assertThat(first.isAfter(first)).isFalse();
    }

    @Test
    void sortableTextSortsLikeThePosition() {
        List<SourcePosition> positions = new ArrayList<>(List.of(
                SourcePosition.ofBinlog("mysql-bin.000010", 4, 0),
                SourcePosition.ofBinlog("mysql-bin.000002", 9_999_999, 7),
                SourcePosition.ofBinlog("mysql-bin.000010", 120, 0),
                SourcePosition.ofBinlog("mysql-bin.000010", 4, 12)));
        List<String> texts = new ArrayList<>(positions.stream().map(SourcePosition::sortableText).toList());

        Collections.sort(positions);
        Collections.sort(texts);

        assertThat(texts).containsExactlyElementsOf(positions.stream().map(SourcePosition::sortableText).toList());
    }

    @Test
    void sortableTextIsZeroPaddedLikeTheFormatItReplaces() {
        long[][] parts = {{0, 0, 0}, {42, 4711, 3}, {9_999_999_999L, Long.MAX_VALUE, 12_345_678_901L}, {1, 1234567890123L, 0}};
        for (long[] part : parts) {
            assertThat(new SourcePosition(part[0], part[1], part[2]).sortableText())
                    .isEqualTo(String.format("%010d:%020d:%010d", part[0], part[1], part[2]));
        }
        assertThat(new SourcePosition(3, 4711, 0).sortableText()).isEqualTo("0000000003:00000000000000004711:0000000000");
    }

    @Test
    void aPositionWithoutBinlogFileSortsFirst() {
        assertThat(SourcePosition.ofBinlog("", 0, 0)).isLessThan(SourcePosition.ofBinlog("mysql-bin.000001", 4, 0));
    }

    @Test
    void flinkSerializesItAsAPojoNotWithKryo() {
        assertThat(TypeInformation.of(SourcePosition.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
