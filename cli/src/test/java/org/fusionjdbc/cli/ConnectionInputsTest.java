package org.fusionjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConnectionInputsTest {
  @TempDir
  Path dir;

  @Test
  void mergesFileThenCommandLineThenEnvironment() throws IOException {
    Path file = dir.resolve("conn.properties");
    Files.writeString(file, """
        url=jdbc:fusion://from-file
        auth=oauth
        user=FILE.USER
        clientSecret=file-secret
        password=file-password
        """);
    LaunchOptions o = LaunchOptions.parse(new String[] {"--properties", file.toString(), "-n", "CLI.USER"});
    ConnectionInputs s = ConnectionInputs.from(o, Map.of(
        "FUSION_CLIENT_SECRET", "env-secret", "FUSION_ACCESS_TOKEN", "", "HOME", "/root"));

    assertThat(s.url()).contains("jdbc:fusion://from-file");
    Properties p = s.properties();
    assertThat(p.getProperty("url")).as("url is not a driver property").isNull();
    assertThat(p.getProperty("auth")).isEqualTo("oauth");
    assertThat(p.getProperty("user")).isEqualTo("CLI.USER");
    assertThat(p.getProperty("clientSecret")).isEqualTo("env-secret");
    assertThat(p.getProperty("password")).isEqualTo("file-password");
    assertThat(p.getProperty("accessToken")).as("empty variables are ignored").isNull();
    assertThat(p.stringPropertyNames()).doesNotContain("HOME");
  }

  @Test
  void commandLineUrlWinsAndEverySecretVariableIsRead() {
    LaunchOptions o = LaunchOptions.parse(new String[] {"-u", "jdbc:fusion://cli"});
    ConnectionInputs s = ConnectionInputs.from(o, Map.of(
        "FUSION_PASSWORD", "p1", "FUSION_CLIENT_SECRET", "c1", "FUSION_PRIVATE_KEY_PASSWORD", "k1",
        "FUSION_ACCESS_TOKEN", "t1"));
    assertThat(s.url()).contains("jdbc:fusion://cli");
    assertThat(s.properties()).containsOnly(
        Map.entry("password", "p1"), Map.entry("clientSecret", "c1"),
        Map.entry("privateKeyPassword", "k1"), Map.entry("accessToken", "t1"));
    assertThat(s.toString()).doesNotContain("p1", "c1", "k1", "t1", "jdbc:fusion://cli")
        .contains("password", "accessToken");
  }

  @Test
  void propertiesAreACopy() {
    ConnectionInputs s = ConnectionInputs.from(LaunchOptions.parse(new String[0]), Map.of("FUSION_PASSWORD", "x"));
    s.properties().clear();
    assertThat(s.properties()).containsKey("password");
    assertThat(s.url()).isEmpty();
  }

  @Test
  void missingFileIsAClearError() {
    LaunchOptions o = LaunchOptions.parse(new String[] {"--properties", dir.resolve("nope.properties").toString()});
    assertThatThrownBy(() -> ConnectionInputs.from(o, Map.of()))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessageContaining("nope.properties")
        .hasMessageContaining("does not exist");
  }

  @Test
  void hostForThePromptNeverIncludesTheQuery() {
    assertThat(Target.hostOf("jdbc:fusion://abc.fa.us2.oraclecloud.com?auth=basic&password=x"))
        .isEqualTo("abc.fa.us2.oraclecloud.com");
    assertThat(Target.hostOf("jdbc:fusion://127.0.0.1:8080/?ssl=false")).isEqualTo("127.0.0.1");
    assertThat(Target.hostOf("jdbc:other:x")).isEqualTo("pod");
  }
}
