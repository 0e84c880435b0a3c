package dev.cdcpipeline.local.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When the chaos run strikes, with what and for how long: drawn from the seed before the run
 * starts, so the same seed gives the same failures at the same moments.
 */
public final class ChaosSchedule {

    /** Time for the pipeline to snapshot the shop and settle before the first failure. */
    static final Duration WARM_UP = Duration.ofSeconds(15);
    /** The pipeline recovers and makes progress between failures; the last one leaves time to catch up. */
    static final Duration MIN_GAP = Duration.ofSeconds(10);
    static final Duration MAX_GAP = Duration.ofSeconds(30);
    static final Duration MIN_OUTAGE = Duration.ofSeconds(1);
    static final Duration MAX_OUTAGE = Duration.ofSeconds(8);

    /** One planned failure: {@code at} is measured from the start of the run. */
    public record Strike(Duration at, Fault fault, Duration outage) {}

    private ChaosSchedule() {}

    /** Failures from the warm-up on until {@code duration}, each one over before the next starts. */
    public static List<Strike> plan(long seed, Duration duration) {
        Random random = new Random(seed);
        List<Strike> strikes = new ArrayList<>();
        Duration at = WARM_UP;
        while (true) {
            Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
            Duration outage = between(random, MIN_OUTAGE, MAX_OUTAGE);
            if (at.plus(outage).compareTo(duration) > 0) {
                return strikes;
            }
            strikes.add(new Strike(at, fault, outage));
            at = at.plus(outage).plus(between(random, MIN_GAP, MAX_GAP));
        }
    }

    private static Duration between(Random random, Duration low, Duration high) {
        return low.plusMillis((long) (random.nextDouble() * (high.toMillis() - low.toMillis())));
    }
}
