package dev.cdcpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ServerIdRangeTest {

    @Test
    void readsAnInclusiveRange() {
        ServerIdRange range = ServerIdRange.parse("5400-5404");

        assertThat(range).isEqualTo(new ServerIdRange(5400, 5404));
        assertThat(range.size()).isEqualTo(5);
        assertThat(range).hasToString("5400-5404");
    }

    @Test
    void readsASingleIdAsARangeOfOne() {
        ServerIdRange range = ServerIdRange.parse("5400");

        assertThat(range.size()).isEqualTo(1);
        assertThat(range).hasToString("5400-5400");
    }

    @Test
    void acceptsTheWholeUnsignedIntRange() {
        assertThat(ServerIdRange.parse("1-4294967295").size()).isEqualTo(4_294_967_295L);
    }

    @Test
    void rejectsIdsOutOfBoundsOrOutOfOrder() {
        for (String invalid : new String[] {"0", "0-5", "5404-5400", "1-4294967296", "-5", "5400-", "a-b", ""}) {
            assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> ServerIdRange.parse(invalid));
        }
    }
}
