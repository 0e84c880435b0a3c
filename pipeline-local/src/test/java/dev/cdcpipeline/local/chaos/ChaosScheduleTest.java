package dev.cdcpipeline.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

class ChaosScheduleTest {

    @Test
    void theSameSeedGivesTheSameFailuresAtTheSameMoments() {
        assertThat(ChaosSchedule.plan(42, Duration.ofMinutes(5))).isEqualTo(ChaosSchedule.plan(42, Duration.ofMinutes(5)));
        assertThat(ChaosSchedule.plan(42, Duration.ofMinutes(5))).isNotEqualTo(ChaosSchedule.plan(43, Duration.ofMinutes(5)));
    }

    @Test
    void failuresStartAfterTheWarmUpDoNotOverlapAndEndWithinTheRun() {
        Duration run = Duration.ofMinutes(5);
        List<ChaosSchedule.Strike> strikes = ChaosSchedule.plan(7, run);

        assertThat(strikes).hasSizeBetween(7, 25);
        assertThat(strikes.get(0).at()).isEqualTo(ChaosSchedule.WARM_UP);
        for (int i = 1; i < strikes.size(); i++) {
            ChaosSchedule.Strike previous = strikes.get(i - 1);
            assertThat(strikes.get(i).at()).isGreaterThanOrEqualTo(previous.at().plus(previous.outage()).plus(ChaosSchedule.MIN_GAP));
        }
        ChaosSchedule.Strike last = strikes.get(strikes.size() - 1);
        assertThat(last.at().plus(last.outage())).isLessThanOrEqualTo(run);
        assertThat(strikes).allSatisfy(strike -> assertThat(strike.outage())
                .isBetween(ChaosSchedule.MIN_OUTAGE, ChaosSchedule.MAX_OUTAGE));
    }

    @Test
    void overManySeedsEveryKindOfFailureIsDrawn() {
        Set<Fault> drawn = EnumSet.noneOf(Fault.class);
        for (long seed = 1; seed <= 20; seed++) {
            ChaosSchedule.plan(seed, Duration.ofMinutes(5)).forEach(strike -> drawn.add(strike.fault()));
        }
        assertThat(drawn).containsExactlyInAnyOrder(Fault.values());
    }

    @Test
    void optionsNameWhatIsWrong() {
        assertThat(ChaosOptions.parse(new String[] {"--duration", "2m", "--seed", "9"}))
                .satisfies(options -> {
                    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(options.seed()).isEqualTo(9);
                });
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--duration", "5s"})).hasMessageContaining("--duration");
        assertThatThrownBy(() -> ChaosOptions.parse(new String[] {"--speed", "1"})).hasMessageContaining("--speed");
    }
}
