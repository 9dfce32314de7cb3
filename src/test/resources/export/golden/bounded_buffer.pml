/* bounded_buffer: exported from src/test/resources/export/bounded_buffer.pool by poolcheck export --to promela. */
/* Each model step is one d_step; verify with: spin -o1 -o2 -a FILE && gcc -DNOREDUCE -DBFS -DSAFETY -o pan pan.c && ./pan (docs/export.md). */

#define CAP 2
#define ITEMS 3
/* enum Tag */
#define RED 0
#define BLUE 1

/* Property names. Every assertion reads assert(condition || P_name == 0): P_name is
   never 0, so the assertion is the condition, and SPIN's text of it names the property. */
mtype = { P_value_out_of_range, P_container_overflow, P_container_underflow, P_index_out_of_range, P_division_by_zero, P_arithmetic_overflow, P_deadlock, P_conservation, P_tags_counted };

byte buf[2];
byte buf_len;
byte produced;
byte consumed;
byte seen[2];
byte pc_producer = 255;
byte pc_consumer_0 = 255;
byte consumer_0_item;
byte pc_consumer_1 = 255;
byte consumer_1_item;

init {
  if
  :: d_step {
    buf[0] = 0;
    buf[1] = 0;
    buf_len = 0;
    produced = 0;
    consumed = 0;
    seen[0] = 0;
    seen[1] = 0;
    pc_producer = 0;
    consumer_0_item = RED;
    pc_consumer_0 = 0;
    consumer_1_item = RED;
    pc_consumer_1 = 0;
    assert((produced == (consumed + buf_len)) || P_conservation == 0);
    assert((((((seen[0] > 0) -> 1 : 0) + ((seen[1] > 0) -> 1 : 0)) <= 2) && ((seen[RED] + seen[BLUE]) == consumed)) || P_tags_counted == 0);
  }
  fi
}

active proctype producer() {
end_producer:
  do
  :: d_step { /* producer put, path 1 of 2 */
       (pc_producer == 0) && (!(buf_len == 2) && (produced < ITEMS)) ->
       assert(buf_len < 2 || P_container_overflow == 0);
       buf[buf_len] = RED;
       buf_len = buf_len + 1;
       assert((0 <= (produced + 1) && (produced + 1) <= 3) || P_value_out_of_range == 0);
       produced = (produced + 1);
       if
       :: (produced < ITEMS) ->
          pc_producer = 0;
          goto producer_put_0_end;
       :: else ->
          skip;
       fi;
       pc_producer = 1;
     producer_put_0_end:
       assert((produced == (consumed + buf_len)) || P_conservation == 0);
       assert((((((seen[0] > 0) -> 1 : 0) + ((seen[1] > 0) -> 1 : 0)) <= 2) && ((seen[RED] + seen[BLUE]) == consumed)) || P_tags_counted == 0);
     }
  :: d_step { /* producer put, path 2 of 2 */
       (pc_producer == 0) && (!(buf_len == 2) && (produced < ITEMS)) ->
       assert(buf_len < 2 || P_container_overflow == 0);
       buf[buf_len] = BLUE;
       buf_len = buf_len + 1;
       assert((0 <= (produced + 1) && (produced + 1) <= 3) || P_value_out_of_range == 0);
       produced = (produced + 1);
       if
       :: (produced < ITEMS) ->
          pc_producer = 0;
          goto producer_put_1_end;
       :: else ->
          skip;
       fi;
       pc_producer = 1;
     producer_put_1_end:
       assert((produced == (consumed + buf_len)) || P_conservation == 0);
       assert((((((seen[0] > 0) -> 1 : 0) + ((seen[1] > 0) -> 1 : 0)) <= 2) && ((seen[RED] + seen[BLUE]) == consumed)) || P_tags_counted == 0);
     }
  od
}

active proctype consumer_0() {
end_consumer_0:
  do
  :: d_step { /* consumer[0] take */
       (pc_consumer_0 == 0) && !(buf_len == 0) ->
       assert(buf_len > 0 || P_container_underflow == 0);
       consumer_0_item = buf[0];
       buf[0] = buf[1];
       buf[1] = 0;
       buf_len = buf_len - 1;
       assert((0 <= (seen[consumer_0_item] + 1) && (seen[consumer_0_item] + 1) <= 3) || P_value_out_of_range == 0);
       seen[consumer_0_item] = (seen[consumer_0_item] + 1);
       assert((0 <= (consumed + 1) && (consumed + 1) <= 3) || P_value_out_of_range == 0);
       consumed = (consumed + 1);
       pc_consumer_0 = 0;
       assert((produced == (consumed + buf_len)) || P_conservation == 0);
       assert((((((seen[0] > 0) -> 1 : 0) + ((seen[1] > 0) -> 1 : 0)) <= 2) && ((seen[RED] + seen[BLUE]) == consumed)) || P_tags_counted == 0);
     }
  od
}

active proctype consumer_1() {
end_consumer_1:
  do
  :: d_step { /* consumer[1] take */
       (pc_consumer_1 == 0) && !(buf_len == 0) ->
       assert(buf_len > 0 || P_container_underflow == 0);
       consumer_1_item = buf[0];
       buf[0] = buf[1];
       buf[1] = 0;
       buf_len = buf_len - 1;
       assert((0 <= (seen[consumer_1_item] + 1) && (seen[consumer_1_item] + 1) <= 3) || P_value_out_of_range == 0);
       seen[consumer_1_item] = (seen[consumer_1_item] + 1);
       assert((0 <= (consumed + 1) && (consumed + 1) <= 3) || P_value_out_of_range == 0);
       consumed = (consumed + 1);
       pc_consumer_1 = 0;
       assert((produced == (consumed + buf_len)) || P_conservation == 0);
       assert((((((seen[0] > 0) -> 1 : 0) + ((seen[1] > 0) -> 1 : 0)) <= 2) && ((seen[RED] + seen[BLUE]) == consumed)) || P_tags_counted == 0);
     }
  od
}

/* Deadlock: no step is enabled (timeout) in a state that is not final. */
active proctype poolcheck_deadlock() {
end_monitor:
  do
  :: atomic { timeout && !((produced == ITEMS) && (consumed == ITEMS)) -> assert(false || P_deadlock == 0); }
  od
}
