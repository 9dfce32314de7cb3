-------------------- MODULE bounded_buffer --------------------
(* bounded_buffer: exported from src/test/resources/export/bounded_buffer.pool by poolcheck export --to tla. *)
(* Check with TLC and bounded_buffer.cfg; docs/export.md says how its figures compare. *)
EXTENDS Integers, Sequences, FiniteSets, TLC

CAP == 2
ITEMS == 3

VARIABLES buf, produced, consumed, seen, pc_producer, pc_consumer_0, consumer_0_item, pc_consumer_1, consumer_1_item

vars == <<buf, produced, consumed, seen, pc_producer, pc_consumer_0, consumer_0_item, pc_consumer_1, consumer_1_item>>

Init ==
  /\ buf = <<>>
  /\ produced = 0
  /\ consumed = 0
  /\ seen = [k_ \in {"RED", "BLUE"} |-> 0]
  /\ pc_producer = "put"
  /\ pc_consumer_0 = "take"
  /\ consumer_0_item = "RED"
  /\ pc_consumer_1 = "take"
  /\ consumer_1_item = "RED"

\* producer put (src/test/resources/export/bounded_buffer.pool:14:3)
producer_put ==
  /\ pc_producer = "put"
  /\ (~((Len(buf) = 2)) /\ (produced < ITEMS))
  /\ \/ /\ Assert(Len(buf) < 2, "container_overflow")
        /\ LET buf__1 == Append(buf, "RED")
           IN  /\ Assert((produced + 1) \in (0..3), "value_out_of_range")
               /\ IF ((produced + 1) < ITEMS)
                     THEN /\ buf' = buf__1
                          /\ produced' = (produced + 1)
                          /\ pc_producer' = "put"
                          /\ UNCHANGED <<consumed, seen, pc_consumer_0, consumer_0_item, pc_consumer_1, consumer_1_item>>
                     ELSE /\ buf' = buf__1
                          /\ produced' = (produced + 1)
                          /\ pc_producer' = "done"
                          /\ UNCHANGED <<consumed, seen, pc_consumer_0, consumer_0_item, pc_consumer_1, consumer_1_item>>
     \/ /\ Assert(Len(buf) < 2, "container_overflow")
        /\ LET buf__2 == Append(buf, "BLUE")
           IN  /\ Assert((produced + 1) \in (0..3), "value_out_of_range")
               /\ IF ((produced + 1) < ITEMS)
                     THEN /\ buf' = buf__2
                          /\ produced' = (produced + 1)
                          /\ pc_producer' = "put"
                          /\ UNCHANGED <<consumed, seen, pc_consumer_0, consumer_0_item, pc_consumer_1, consumer_1_item>>
                     ELSE /\ buf' = buf__2
                          /\ produced' = (produced + 1)
                          /\ pc_producer' = "done"
                          /\ UNCHANGED <<consumed, seen, pc_consumer_0, consumer_0_item, pc_consumer_1, consumer_1_item>>

\* consumer[0] take (src/test/resources/export/bounded_buffer.pool:23:3)
consumer_0_take ==
  /\ pc_consumer_0 = "take"
  /\ ~((Len(buf) = 0))
  /\ /\ Assert(Len(buf) > 0, "container_underflow")
     /\ LET popped__1 == Head(buf)
            buf__2 == Tail(buf)
        IN  /\ Assert((seen[popped__1] + 1) \in (0..3), "value_out_of_range")
            /\ LET seen__3 == [seen EXCEPT ![popped__1] = (seen[popped__1] + 1)]
               IN  /\ Assert((consumed + 1) \in (0..3), "value_out_of_range")
                   /\ /\ buf' = buf__2
                      /\ consumed' = (consumed + 1)
                      /\ seen' = seen__3
                      /\ pc_consumer_0' = "take"
                      /\ consumer_0_item' = popped__1
                      /\ UNCHANGED <<produced, pc_producer, pc_consumer_1, consumer_1_item>>

\* consumer[1] take (src/test/resources/export/bounded_buffer.pool:23:3)
consumer_1_take ==
  /\ pc_consumer_1 = "take"
  /\ ~((Len(buf) = 0))
  /\ /\ Assert(Len(buf) > 0, "container_underflow")
     /\ LET popped__1 == Head(buf)
            buf__2 == Tail(buf)
        IN  /\ Assert((seen[popped__1] + 1) \in (0..3), "value_out_of_range")
            /\ LET seen__3 == [seen EXCEPT ![popped__1] = (seen[popped__1] + 1)]
               IN  /\ Assert((consumed + 1) \in (0..3), "value_out_of_range")
                   /\ /\ buf' = buf__2
                      /\ consumed' = (consumed + 1)
                      /\ seen' = seen__3
                      /\ pc_consumer_1' = "take"
                      /\ consumer_1_item' = popped__1
                      /\ UNCHANGED <<produced, pc_producer, pc_consumer_0, consumer_0_item>>

\* A final state stutters, so TLC's deadlock check reports only the model's deadlocks.
Done ==
  /\ ((produced = ITEMS) /\ (consumed = ITEMS))
  /\ UNCHANGED vars

Next ==
  \/ producer_put
  \/ consumer_0_take
  \/ consumer_1_take
  \/ Done

Spec == Init /\ [][Next]_vars

Inv_conservation == (produced = (consumed + Len(buf)))
Inv_tags_counted == ((Cardinality({t \in {"RED", "BLUE"} : (seen[t] > 0)}) <= 2) /\ ((seen["RED"] + seen["BLUE"]) = consumed))
========================================================
