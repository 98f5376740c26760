package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two main classes of the project share a simple name, across modules too: a reader who meets
 * {@code BipSettings} in a stack trace or an import knows which one it is. Reads the sources of every module
 * beside this one (tests run in the module's directory).
 */
class UniqueClassNamesTest {

  @Test
  void mainClassesHaveDistinctSimpleNames() throws IOException {
    Path project = Path.of("").toAbsolutePath().getParent();
    assertThat(project.resolve("pom.xml")).as("the project's root pom beside this module").exists();
    Map<String, List<String>> byName;
    try (Stream<Path> modules = Files.list(project)) {
      byName = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
          .flatMap(UniqueClassNamesTest::javaFiles)
          .collect(Collectors.groupingBy(f -> f.getFileName().toString(), TreeMap::new,
              Collectors.mapping(f -> project.relativize(f).toString(), Collectors.toList())));
    }
    assertThat(byName).as("the sources of this module and the driver")
        .containsKeys("FusionClient.java", "ConnectionSettings.java");
    assertThat(byName.values().stream().filter(paths -> paths.size() > 1)).isEmpty();
  }

  private static Stream<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")
          && !f.endsWith("module-info.java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
