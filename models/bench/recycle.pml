/* recycle.pool for SPIN: pages cycle pool -> ring -> consumer -> pool. PAGES at most 8.
 * Constants by the preprocessor: spin -DPAGES=6 -DRING=4 -DCPUS=3 -DROUNDS=3 -a recycle.pml.
 * One d_step per poolcheck step and no init process, so SPIN stores exactly poolcheck's states
 * (make_recycle_pml.py writes the older translation, with an init process: one state more).
 * The two invariants of recycle.pool are asserted at the end of every step. Terms for pages
 * PAGES .. 7 are switched off by a constant false first operand. */
#ifndef PAGES
#define PAGES 4
#endif
#ifndef RING
#define RING 3
#endif
#ifndef CPUS
#define CPUS 2
#endif
#ifndef ROUNDS
#define ROUNDS 3
#endif

#define POOL 0
#define RINGED 1
#define HELD 2

byte place[PAGES];
chan ring = [RING] of { byte };

#define IS(p, v) (p < PAGES && place[p] == v)
#define COUNT(v) (IS(0, v) + IS(1, v) + IS(2, v) + IS(3, v) + IS(4, v) + IS(5, v) + IS(6, v) \
    + IS(7, v))
#define INV assert(COUNT(RINGED) == len(ring) && COUNT(HELD) <= CPUS)

#define REFILL(p) :: d_step { p < PAGES && nfull(ring) && place[p] == POOL -> \
    place[p] = RINGED; ring!p; INV }

active proctype producer() {
  do
  REFILL(0) REFILL(1) REFILL(2) REFILL(3) REFILL(4) REFILL(5) REFILL(6) REFILL(7)
  od
}

active [CPUS] proctype consumer() {
  byte mine = 0;
  byte round = 0;
  do
  :: d_step { nempty(ring) -> ring?mine; place[mine] = HELD; INV };
     d_step { place[mine] = POOL; round = (round + 1) % ROUNDS; INV }
  od
}
