package org.fusionjdbc.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A body that fails half-way must reach the client broken. With Jackson's default, closing the generator closed the
 * open array and object, so a page cut short by a failure parsed as a shorter valid page without hasMore, and the
 * client took it for the end of the collection (ConsistencyIT missed the rest of a key slice).
 */
class HalfWrittenBodyTest {

  @Test
  void aFailureHalfWayLeavesTheJsonOpen() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Call.JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("items");
      g.writeStartObject();
      g.writeNumberField("InvoiceId", 1);
      g.writeEndObject();
      // the writer fails here: no end of the array, no hasMore
    }
    String body = out.toString(StandardCharsets.UTF_8);
    assertThat(body).isEqualTo("{\"items\":[{\"InvoiceId\":1}");
  }
}
