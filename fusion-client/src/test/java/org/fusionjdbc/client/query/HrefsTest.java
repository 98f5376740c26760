package org.fusionjdbc.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.fusionjdbc.client.error.FusionException;
import org.junit.jupiter.api.Test;

class HrefsTest {
  private static final String CHILD = "/hcmRestApi/resources/11.13.18.05/workers/00020000000EACED0005770800011/child/names";

  @Test
  void onlyThePathOfAPodLinkIsUsedSoRequestsStayOnTheConfiguredHost() {
    assertThat(Hrefs.pathOf("https://pod.fa.us2.oraclecloud.com:443" + CHILD, URI.create("https://pod.example.com")))
        .isEqualTo(CHILD);
    assertThat(Hrefs.pathOf("https://elsewhere.example.org" + CHILD + "/?onlyData=true#x",
        URI.create("https://pod.example.com/"))).isEqualTo(CHILD);
  }

  @Test
  void aBaseUrlPathPrefixIsRemovedAndEncodingIsKept() {
    assertThat(Hrefs.pathOf("https://proxy.example.com/fusion" + CHILD, URI.create("https://proxy.example.com/fusion/")))
        .isEqualTo(CHILD);
    assertThat(Hrefs.pathOf("https://pod/r/a%2Fb/child/c", URI.create("https://pod"))).isEqualTo("/r/a%2Fb/child/c");
  }

  @Test
  void aLinkThatIsNotAUrlIsAProtocolError() {
    assertThatThrownBy(() -> Hrefs.pathOf("not a url", URI.create("https://pod"))).isInstanceOf(FusionException.class)
        .hasMessageContaining("not a URL");
    assertThatThrownBy(() -> Hrefs.pathOf("mailto:x@y", URI.create("https://pod"))).isInstanceOf(FusionException.class)
        .hasMessageContaining("without a path");
  }
}
