package poolcheck.result;

import poolcheck.system.StateView;
import poolcheck.system.Transition;


/** One step of a trace: the transition taken (null for the initial state) and the state after. */
public record TraceStep(Transition transition, StateView state) {}
