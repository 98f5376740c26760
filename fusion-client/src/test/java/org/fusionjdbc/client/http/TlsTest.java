package org.fusionjdbc.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.util.List;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.FusionClientConfig.TlsVerification;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.exchange.Cancellation;
import org.fusionjdbc.client.query.PageParser;
import org.junit.jupiter.api.Test;

/** WireMock's HTTPS port has a self-signed certificate: refused by default, accepted only with NONE. */
class TlsTest {

  @Test
  void selfSignedCertificateIsRefusedUnlessVerificationIsTurnedOff() {
    WireMockServer server = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    server.start();
    try {
      server.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withBody("{\"items\":[]}")));
      for (TlsVerification tls : TlsVerification.values()) {
        FusionClientConfig config = FusionClientConfig.builder(URI.create("https://localhost:" + server.httpsPort()),
            new AuthConfig.Basic("u", Secret.of("p"))).tlsVerification(tls).maxRetries(0).build();
        try (HttpTransport t = new HttpTransport(config, h -> new RenewableTestTokens())) {
          if (tls == TlsVerification.FULL) {
            assertThatThrownBy(() -> t.get("/x", List.of(), PageParser::readTree, new Cancellation()))
                .isInstanceOfSatisfying(FusionException.class,
                    e -> assertThat(e.kind()).isEqualTo(FusionException.Kind.TRANSPORT));
          } else {
            assertThat(t.get("/x", List.of(), PageParser::readTree, new Cancellation()).has("items")).isTrue();
          }
        }
      }
    } finally {
      server.stop();
    }
  }
}
