---------------------------- MODULE counters ----------------------------
(* counters.pool for TLC: N independent counters modulo MAX + 1, (MAX + 1)^N states. *)
EXTENDS Naturals

CONSTANTS N, MAX

VARIABLES c

vars == <<c>>

Counter == 0 .. N - 1

Init == c = [i \in Counter |-> 0]

Next == \E i \in Counter : c' = [c EXCEPT ![i] = (c[i] + 1) % (MAX + 1)]

Spec == Init /\ [][Next]_vars
=============================================================================
