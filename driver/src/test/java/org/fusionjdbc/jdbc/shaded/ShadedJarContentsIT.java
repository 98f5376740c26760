package org.fusionjdbc.jdbc.shaded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Guards on the shaded jar's entries (Trino's JdbcDriverIT style): a jar that loads beside any host library holds
 * nothing but our packages, the relocated third-party code, and a few allowed META-INF files.
 */
@Tag("shaded-jar")
final class ShadedJarContentsIT {
  /** Everything outside this list is a leak of an unrelocated package or a stray resource. */
  private static final Pattern ALLOWED = Pattern.compile(String.join("|",
      "org/fusionjdbc/(jdbc|calcite|client)/.*",
      "org/fusionjdbc/shaded/.*",
      "META-INF/MANIFEST\\.MF",
      "META-INF/services/java\\.sql\\.Driver",
      "META-INF/services/org\\.fusionjdbc\\.shaded\\..*",
      // licence and notice texts of the bundled libraries
      "META-INF/(LICENSE|NOTICE|DEPENDENCIES|README)(\\.txt|\\.md)?",
      "META-INF/[A-Za-z]+-(LICENSE|NOTICE)(\\.txt)?",
      "META-INF/thirdparty-LICENSE"));

  /** Far above the ~40 MB the jar weighs; catches the emulator, H2 or test libraries slipping in. */
  private static final long MAX_BYTES = 60L * 1024 * 1024;

  private static JarFile jar;
  private static List<String> files;

  @BeforeAll
  static void open() throws IOException {
    jar = new JarFile(ShadedJar.jar().toFile());
    files = jar.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).sorted().toList();
  }

  @AfterAll
  static void close() throws IOException {
    jar.close();
  }

  @Test
  void everyEntryIsOursOrRelocated() {
    List<String> offenders = matching(n -> !ALLOWED.matcher(n).matches());
    assertThat(offenders.stream().limit(20).toList())
        .as("entries outside org/fusionjdbc and the allowed META-INF files (relocate or exclude them in "
            + "driver/pom.xml); the first 20 of %d", offenders.size())
        .isEmpty();
  }

  @Test
  void bundlesTheDriverStackButNotTheEmulatorOrTestLibraries() {
    assertThat(matching(n -> n.startsWith("org/fusionjdbc/client/"))).isNotEmpty();
    assertThat(matching(n -> n.startsWith("org/fusionjdbc/calcite/"))).isNotEmpty();
    assertThat(List.of(
        "org/fusionjdbc/shaded/org/apache/calcite/jdbc/Driver.class",
        "org/fusionjdbc/shaded/org/codehaus/janino/SimpleCompiler.class",
        "org/fusionjdbc/shaded/com/google/common/collect/ImmutableList.class",
        "org/fusionjdbc/shaded/org/slf4j/impl/StaticLoggerBinder.class"))
        .as("relocated classes the driver needs").allMatch(files::contains);
    assertThat(matching(n -> n.startsWith("org/fusionjdbc/emulator/") || n.contains("/org/h2/")
        || n.contains("/junit/") || n.contains("/assertj/") || n.contains("wiremock")))
        .as("test-only code in the driver jar").isEmpty();
    long size = ShadedJar.jar().toFile().length();
    assertThat(size).as("shaded jar size in bytes").isLessThan(MAX_BYTES);
  }

  @Test
  void noSignatureFilesModuleDescriptorsOrVersionedClasses() {
    assertThat(matching(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))).isEmpty();
    assertThat(matching(n -> n.endsWith("module-info.class"))).isEmpty();
    // shade cannot relocate classes under META-INF/versions (MSHADE-406), so none may be there
    assertThat(matching(n -> n.startsWith("META-INF/versions/"))).isEmpty();
  }

  @Test
  void manifestNamesTheVersionAndDoesNotClaimMultiRelease() throws IOException {
    Manifest mf = jar.getManifest();
    assertThat(mf).as("manifest").isNotNull();
    assertThat(mf.getMainAttributes().getValue("Implementation-Version"))
        .isEqualTo(System.getProperty("fusion.version"));
    assertThat(mf.getMainAttributes().getValue("Implementation-Title")).isEqualTo("fusion-jdbc");
    // no versioned entries, so a Multi-Release flag would only make the JVM look for them
    assertThat(mf.getMainAttributes().getValue("Multi-Release")).isNull();
  }

  @Test
  void relocatedServiceFilesNameRelocatedClassesThatExist() throws IOException {
    List<String> services = files.stream().filter(n -> n.startsWith("META-INF/services/")).toList();
    // Janino finds its compiler through this file; the transformer must have renamed and rewritten it
    assertThat(services).contains("META-INF/services/org.fusionjdbc.shaded.org.codehaus.commons.compiler.ICompilerFactory");
    // a relocated BouncyCastle must not be offered as a JCE provider
    assertThat(services).doesNotContain("META-INF/services/java.security.Provider");
    List<String> problems = new ArrayList<>();
    for (String service : services) {
      for (String impl : implementations(service)) {
        if (!impl.startsWith("org.fusionjdbc.")) {
          problems.add(service + " names unrelocated " + impl);
        } else if (!files.contains(impl.replace('.', '/') + ".class")) {
          problems.add(service + " names missing class " + impl);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void classesAreJava17OrOlder() throws IOException {
    Set<Integer> majors = new TreeSet<>();
    for (String name : List.of("org/fusionjdbc/shaded/org/apache/calcite/jdbc/Driver.class",
        "org/fusionjdbc/client/FusionClient.class")) {
      try (var in = jar.getInputStream(jar.getEntry(name))) {
        byte[] head = in.readNBytes(8);
        majors.add(((head[6] & 0xff) << 8) | (head[7] & 0xff));
      }
    }
    assertThat(Collections.max(majors)).as("class file major version").isLessThanOrEqualTo(61);
  }

  private static List<String> matching(Predicate<String> p) {
    return files.stream().filter(p).toList();
  }

  private static List<String> implementations(String entry) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(jar.getInputStream(jar.getEntry(entry)),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String l = line.replaceAll("#.*", "").trim();
        if (!l.isEmpty()) {
          out.add(l);
        }
      }
    }
    return out;
  }
}
