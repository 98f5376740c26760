package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.emulator.FusionEmulator;
import org.junit.jupiter.api.Test;

/**
 * The client's and the emulator's packages form no cycle, so each package can be read (and changed) knowing only
 * the packages below it. The graph is read from the compiled classes' constant pools, which name every class a
 * class refers to, in descriptors and signatures too.
 */
class PackageCyclesTest {

  @Test
  void clientPackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> graph = packageGraph(FusionClient.class, "org/fusionjdbc/client");
    assertThat(graph).containsKeys("org.fusionjdbc.client", "org.fusionjdbc.client.http");
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void clientSettingsDependOnNoOtherClientPackageButAuth() throws Exception {
    Map<String, Set<String>> graph = packageGraph(FusionClientConfig.class, "org/fusionjdbc/client");
    assertThat(graph.get("org.fusionjdbc.client.config")).containsOnly("org.fusionjdbc.client.auth");
  }

  @Test
  void theRetryPathDependsOnErrorsAloneSoTheTokenRequestCanUseIt() throws Exception {
    Map<String, Set<String>> graph = packageGraph(FusionClientConfig.class, "org/fusionjdbc/client");
    assertThat(graph.get("org.fusionjdbc.client.exchange")).containsOnly("org.fusionjdbc.client.error");
    assertThat(graph.get("org.fusionjdbc.client.auth")).doesNotContain("org.fusionjdbc.client.http");
  }

  @Test
  void emulatorPackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> graph = packageGraph(FusionEmulator.class, "org/fusionjdbc/emulator");
    assertThat(graph).containsKeys("org.fusionjdbc.emulator", "org.fusionjdbc.emulator.rest");
    assertThat(cycles(graph)).isEmpty();
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertThat(cycles(graph)).containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
  }

  /** Package to the other packages under {@code prefix} that its classes refer to, over the classes beside anchor. */
  private static Map<String, Set<String>> packageGraph(Class<?> anchor, String prefix)
      throws IOException, URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    Pattern reference = Pattern.compile("(" + Pattern.quote(prefix) + "(?:/[A-Za-z0-9_$]+)*)/[A-Za-z0-9_$]+");
    Map<String, Set<String>> graph = new TreeMap<>();
    try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
        Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = (jar == null ? location.relativize(file) : jar.getPath("/").relativize(file)).toString()
            .replace('\\', '/');
        if (!name.startsWith(prefix + "/")) {
          continue;
        }
        String from = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
        Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
        try (InputStream in = Files.newInputStream(file)) {
          for (String text : referenceTexts(in)) {
            Matcher m = reference.matcher(text);
            while (m.find()) {
              to.add(m.group(1).replace('/', '.'));
            }
          }
        }
        to.remove(from);
      }
    }
    return graph;
  }

  /** The constant pool's UTF-8 entries other than string literals: class names, descriptors, signatures. */
  private static List<String> referenceTexts(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    in.readInt(); // magic
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    BitSet literals = new BitSet(count);
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> literals.set(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // long and double take two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> texts = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (utf8[i] != null && !literals.get(i)) {
        texts.add(utf8[i]);
      }
    }
    return texts;
  }

  /** The strongly connected components with more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).components.stream().filter(c -> c.size() > 1).toList();
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
      new TreeSet<>(graph.keySet()).forEach(v -> {
        if (!index.containsKey(v)) {
          visit(v);
        }
      });
    }

    private void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.add(v);
      for (String w : graph.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          component.add(w);
        } while (!w.equals(v));
        components.add(component);
      }
    }
  }
}
