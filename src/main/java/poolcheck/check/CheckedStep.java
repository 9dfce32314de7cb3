package poolcheck.check;

import com.google.common.collect.ImmutableList;
import poolcheck.language.Expr;
import poolcheck.language.Position;

/**
 * One step of a process as checked: its program-counter value, label, the kernel function it
 * stands for, its guard and its body with names, domains, gotos and asserts resolved, and where
 * it goes when the body does not jump ({@code next}, the following step or done).
 * {@code atomicReason} is null but for a step written {@code atomic "reason"} (one hardware
 * atomic that may make several unguarded accesses): the engine's transition carries it.
 */
public record CheckedStep(Position pos, int pc, String label, String kernelFunction,
    String atomicReason, Expr guard, ImmutableList<Action> body, int next, String nextLabel) {}
