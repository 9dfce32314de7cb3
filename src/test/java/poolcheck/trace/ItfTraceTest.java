package poolcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ADR-015 shape, checked on the tiny pool trace, which has every kind of value. */
class ItfTraceTest {
  private static JsonNode tinyPool() throws Exception {
    ShippedTraces.Shipped s = ShippedTraces.all().stream()
        .filter(x -> x.file(TraceFormat.ITF).equals("tiny_pool-no_unmap_after_detach.itf.json"))
        .findFirst().orElseThrow();
    return new ObjectMapper().readTree(ItfTrace.render(s.result()));
  }

  @Test
  void hasMetaVarsAndIndexedStatesAndNoLoop() throws Exception {
    JsonNode itf = tinyPool();
    assertEquals("ITF", itf.get("#meta").get("format").asText());
    assertEquals("tiny_pool.pool", itf.get("#meta").get("source").asText());
    assertEquals("no_unmap_after_detach", itf.get("#meta").get("property").asText());
    assertFalse(itf.has("loop"));
    List<String> vars = new ArrayList<>();
    itf.get("vars").forEach(v -> vars.add(v.asText()));
    assertEquals(List.of("place", "mapped", "ring", "inflight", "destroyed", "dev_bound",
        "napi.pc", "napi.p", "stack.pc", "stack.p", "driver.pc"), vars);
    assertEquals(7, itf.get("states").size());
    for (int i = 0; i < 7; i++) {
      JsonNode state = itf.get("states").get(i);
      assertEquals(i, state.get("#meta").get("index").asInt());
      for (String v : vars) assertTrue(state.has(v), "state " + i + " lacks " + v);
    }
  }

  @Test
  void writesIntegersAsBigintsArraysAsMapsContainersAsLists() throws Exception {
    JsonNode s3 = tinyPool().get("states").get(3);
    assertEquals("{\"#bigint\":\"1\"}", s3.get("inflight").toString());
    assertEquals("{\"#map\":[[{\"#bigint\":\"0\"},\"STACK\"]]}", s3.get("place").toString());
    assertEquals("{\"#map\":[[{\"#bigint\":\"0\"},true]]}", s3.get("mapped").toString());
    assertEquals("[]", s3.get("ring").toString());
    assertEquals("detach", s3.get("driver.pc").asText());
    assertEquals("{\"index\":3,\"process\":\"driver\",\"label\":\"destroy\","
        + "\"function\":\"page_pool_destroy\",\"source\":\"" + ShippedTraces.MODELS
        + "/tiny_pool.pool:56:3\"}", s3.get("#meta").toString());
  }
}
