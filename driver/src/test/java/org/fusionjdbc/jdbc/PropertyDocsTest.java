package org.fusionjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PropertyDocsTest {
  private static final Path DOC = Path.of("..", "docs", "connection-properties.md");

  @Test
  void docsPageIsGeneratedFromTheEnum() throws Exception {
    String expected = PropertyDocs.markdown();
    if (Boolean.getBoolean("fusion.regenerateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("docs/connection-properties.md exists (run with -Dfusion.regenerateDocs=true)").isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/connection-properties.md is stale: rerun this test with -Dfusion.regenerateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void everyPropertyIsDescribedAndKeysAreUniqueIgnoringCase() {
    var keys = new HashSet<String>();
    for (FusionProperty p : FusionProperty.values()) {
      assertThat(p.description()).as(p.key()).isNotBlank().endsWith(".");
      assertThat(keys.add(p.key().toLowerCase(Locale.ROOT))).as("duplicate key " + p.key()).isTrue();
      assertThat(p.name().replace("_", "")).as("enum constant matches its key").isEqualToIgnoringCase(p.key());
      if (p.type() == FusionProperty.Type.ENUM) {
        assertThat(p.choices()).as(p.key()).isNotEmpty();
      }
    }
  }

  @Test
  void secretsHaveNoDefaultsAndAreNeverEchoedByGetPropertyInfo() {
    var info = new java.util.Properties();
    info.setProperty("password", "hunter2-secret");
    info.setProperty("clientSecret", "cs-secret");
    var all = new FusionDriver().getPropertyInfo("jdbc:fusion://pod.example.com", info);
    assertThat(all).hasSize(FusionProperty.values().length);
    assertThat(Arrays.toString(Arrays.stream(all).map(d -> d.name + "=" + d.value).toArray()))
        .doesNotContain("hunter2-secret").doesNotContain("cs-secret");
    for (FusionProperty p : FusionProperty.values()) {
      if (p.isSecret()) {
        assertThat(p.defaultValue()).as(p.key()).isEmpty();
      }
    }
  }
}
