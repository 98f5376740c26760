package org.fusionjdbc.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlEncodingTest {

  @Test
  void encodesEverythingOutsideTheUnreservedSet() {
    assertThat(UrlEncoding.encode("a-Z_0.9~")).isEqualTo("a-Z_0.9~");
    assertThat(UrlEncoding.encode("% + ;&#'=")).isEqualTo("%25%20%2B%20%3B%26%23%27%3D");
    assertThat(UrlEncoding.encode("Name = 'Zoë'")).isEqualTo("Name%20%3D%20%27Zo%C3%AB%27");
  }

  @Test
  void queryRoundTripsThroughAStandardDecoder() {
    String hostile = "a'b\\c;d&e#f%g+h=i and j or k 日本";
    String q = UrlEncoding.query(List.of(new UrlEncoding.Param("q", hostile), new UrlEncoding.Param("limit", "5")));
    assertThat(q).startsWith("q=").endsWith("&limit=5").doesNotContain("+").doesNotContain(" ");
    String value = q.substring(2, q.indexOf("&limit"));
    assertThat(URLDecoder.decode(value, StandardCharsets.UTF_8)).isEqualTo(hostile);
  }
}
