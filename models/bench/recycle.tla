---------------------------- MODULE recycle ----------------------------
(* recycle.pool for TLC: pages cycle pool -> ring -> consumer -> pool. ring is the fifo as a
   sequence (head first); pc[c], mine[c] and round[c] are consumer c's label and locals. *)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS PAGES, RING, CPUS, ROUNDS

VARIABLES place, ring, pc, mine, round

vars == <<place, ring, pc, mine, round>>

Page == 0 .. PAGES - 1

Cpu == 0 .. CPUS - 1

Init ==
  /\ place = [p \in Page |-> "pool"]
  /\ ring = <<>>
  /\ pc = [c \in Cpu |-> "take"]
  /\ mine = [c \in Cpu |-> 0]
  /\ round = [c \in Cpu |-> 0]

Refill ==
  \E p \in Page :
    /\ Len(ring) < RING
    /\ place[p] = "pool"
    /\ place' = [place EXCEPT ![p] = "ringed"]
    /\ ring' = Append(ring, p)
    /\ UNCHANGED <<pc, mine, round>>

Take ==
  \E c \in Cpu :
    /\ pc[c] = "take"
    /\ Len(ring) > 0
    /\ mine' = [mine EXCEPT ![c] = Head(ring)]
    /\ place' = [place EXCEPT ![Head(ring)] = "held"]
    /\ ring' = Tail(ring)
    /\ pc' = [pc EXCEPT ![c] = "give"]
    /\ UNCHANGED <<round>>

Give ==
  \E c \in Cpu :
    /\ pc[c] = "give"
    /\ place' = [place EXCEPT ![mine[c]] = "pool"]
    /\ round' = [round EXCEPT ![c] = (round[c] + 1) % ROUNDS]
    /\ pc' = [pc EXCEPT ![c] = "take"]
    /\ UNCHANGED <<ring, mine>>

Next == Refill \/ Take \/ Give

Ringed == {p \in Page : place[p] = "ringed"}

Held == {p \in Page : place[p] = "held"}

RingMatchesPlaces == Cardinality(Ringed) = Len(ring)

HeldAtMostCpus == Cardinality(Held) <= CPUS

Spec == Init /\ [][Next]_vars
=============================================================================
