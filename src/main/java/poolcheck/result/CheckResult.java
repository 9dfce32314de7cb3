package poolcheck.result;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The answer of one check: verdict, figures and, for a violation, the counterexample.
 * {@code checked} names the properties that were checked; {@code reason} says why an
 * incomplete run stopped.
 */
public record CheckResult(String model, ImmutableMap<String, Integer> constants,
    ImmutableList<String> checked, Verdict verdict, Statistics statistics,
    Optional<Counterexample> counterexample, String reason) {}
