package org.fusionjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.fusionjdbc.cli.LaunchOptions.UsageException;
import org.junit.jupiter.api.Test;

final class LaunchOptionsTest {

  @Test
  void takesOurOptionsAndPassesTheRestToSqllineInOrder() {
    LaunchOptions o = LaunchOptions.parse(new String[] {"-u", "jdbc:fusion://pod", "-n", "CASEY", "--outputformat=csv",
        "-e", "select 1", "--properties", "conn.properties", "-e", "-u looks like an option but is SQL"});
    assertThat(o.url()).contains("jdbc:fusion://pod");
    assertThat(o.user()).contains("CASEY");
    assertThat(o.propertiesFile()).contains(Path.of("conn.properties"));
    assertThat(o.demo()).isFalse();
    assertThat(o.sqllineArgs())
        .containsExactly("--outputformat=csv", "-e", "select 1", "-e", "-u looks like an option but is SQL");
    assertThat(o.scripted()).isTrue();
    assertThat(o.hasSqllineOption("outputformat")).isTrue();
    assertThat(o.hasSqllineOption("silent")).isFalse();
  }

  @Test
  void demoAndPropertiesEqualsForm() {
    LaunchOptions o = LaunchOptions.parse(new String[] {"--demo", "--properties=x.properties"});
    assertThat(o.demo()).isTrue();
    assertThat(o.propertiesFile()).contains(Path.of("x.properties"));
    assertThat(o.scripted()).isFalse();
    assertThat(LaunchOptions.parse(new String[] {"-f", "script.sql"}).scripted()).isTrue();
    assertThat(LaunchOptions.parse(new String[] {"--help"}).help()).isTrue();
  }

  @Test
  void refusesAPasswordOnTheCommandLineAndSaysWhereItGoes() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"-u", "jdbc:fusion://pod", "-p", "hunter2"}))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("FUSION_PASSWORD")
        .hasMessageContaining("--properties")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void reportsMissingValuesAndContradictions() {
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"-u"})).hasMessage("-u needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--properties", " "}))
        .hasMessage("--properties needs a non-empty value");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--demo", "-u", "jdbc:fusion://pod"}))
        .hasMessageContaining("leave out -u");
    assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"-d", "x.Driver"})).hasMessageContaining("-d");
  }

  @Test
  void argumentListIsImmutable() {
    LaunchOptions o = LaunchOptions.parse(new String[] {"-e", "select 1"});
    assertThatThrownBy(() -> o.sqllineArgs().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(o.sqllineArgs()).isEqualTo(List.of("-e", "select 1"));
  }
}
