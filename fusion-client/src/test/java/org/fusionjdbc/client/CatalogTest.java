package org.fusionjdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.describe.ResourceCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog: list, then minimal; classified instead of thrown when it cannot help; kept on disk when read. */
class CatalogTest {
  private static final String ROOT = "/hcmRestApi/resources/latest/describe";
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private FusionClient client(Path cacheDir) {
    FusionClientConfig.Builder b = FusionClientConfig.builder(URI.create("http://localhost:" + server.port()),
        new AuthConfig.Basic("alice", Secret.of("pw"))).restVersion("latest");
    if (cacheDir != null) {
      b.metadataCacheDir(cacheDir);
    }
    return FusionClient.open(b.build());
  }

  private void answer(String mode, int status, String body) {
    server.stubFor(get(urlPathEqualTo(ROOT)).withQueryParam("metadataMode", equalTo(mode))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void aRejectedListFallsBackToMinimal() {
    answer("list", 400, "{\"title\":\"Bad Request\",\"status\":\"400\"}");
    answer("minimal", 200, "{\"Resources\":{\"workers\":{\"attributes\":[]},\"emps\":{}}}");
    try (FusionClient c = client(null)) {
      ResourceCatalog cat = c.catalog("hcmRestApi");
      assertThat(cat.isRead()).isTrue();
      assertThat(cat.names()).containsExactly("workers", "emps");
      assertThat(c.catalog("hcmRestApi")).isSameAs(cat); // kept per client
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(ROOT)).withQueryParam("metadataMode", equalTo("minimal")));
  }

  @Test
  void aCatalogInNoKnownShapeIsUnreadableNotEmpty() {
    answer("list", 200, "{\"catalog\":{\"status\":\"pending\"}}");
    answer("minimal", 200, "{\"catalog\":{\"status\":\"pending\"}}");
    try (FusionClient c = client(null)) {
      ResourceCatalog cat = c.catalog("hcmRestApi");
      assertThat(cat.state()).isEqualTo(ResourceCatalog.State.UNREADABLE);
      assertThat(cat.names()).isEmpty();
      assertThat(cat.problem()).hasValueSatisfying(p -> assertThat(p).contains("hcmRestApi")
          .contains("could not be read").contains("metadataMode=list").contains("metadataMode=minimal"));
    }
  }

  @Test
  void aForbiddenCatalogIsUnavailableAndNotAskedTwice() {
    answer("list", 403, "");
    try (FusionClient c = client(null)) {
      ResourceCatalog cat = c.catalog("hcmRestApi");
      assertThat(cat.state()).isEqualTo(ResourceCatalog.State.UNAVAILABLE);
      assertThat(cat.problem()).hasValueSatisfying(p -> assertThat(p).contains("HTTP 403"));
      assertThat(c.resourceNames("hcmRestApi")).isEmpty();
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(ROOT)));
  }

  @Test
  void aReadCatalogIsSharedThroughTheDiskCache(@TempDir Path dir) {
    answer("list", 200, "{\"items\":[{\"name\":\"workers\"},{\"href\":\"https://pod:443/hcmRestApi/resources/latest/emps\"}]}");
    try (FusionClient c = client(dir)) {
      assertThat(c.catalog("hcmRestApi").names()).containsExactly("workers", "emps");
    }
    try (FusionClient c = client(dir)) {
      assertThat(c.catalog("hcmRestApi").names()).containsExactly("workers", "emps");
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(ROOT)));
  }
}
