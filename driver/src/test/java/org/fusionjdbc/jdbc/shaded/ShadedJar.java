package org.fusionjdbc.jdbc.shaded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shaded driver jar that this build produced and the "hostile host" libraries (Guava 16, Janino 3.1.9)
 * that failsafe's pre-integration-test step copied beside it. Paths come from system properties the driver pom sets,
 * so the tests run against exactly the artifact users get.
 */
final class ShadedJar {
  /** Prefix every bundled third-party package is relocated under (driver/pom.xml, shade.prefix). */
  static final String PREFIX = "org.fusionjdbc.shaded.";

  private ShadedJar() {
  }

  static Path jar() {
    Path jar = Path.of(required("fusion.shadedJar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("shaded jar " + jar + " does not exist; run these tests with "
          + "'mvn verify' (they are failsafe integration tests that need the package phase)");
    }
    return jar;
  }

  static List<Path> hostileLibraries() {
    Path dir = Path.of(required("fusion.hostileLibs"));
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
      if (jars.size() != 3) {
        throw new IllegalStateException("expected guava, janino and commons-compiler in " + dir + ", found " + jars);
      }
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * A class loader with the hostile libraries AHEAD of the driver jar and only the JDK's platform loader as parent,
   * as in a tool that puts its own old Guava and Janino first (Spark, Hive). Nothing of the test class path leaks in.
   */
  static IsolatedLoader isolatedLoader() {
    List<URL> urls = new ArrayList<>();
    for (Path lib : hostileLibraries()) {
      urls.add(url(lib));
    }
    urls.add(url(jar()));
    return new IsolatedLoader(urls.toArray(URL[]::new));
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(p.toString(), e);
    }
  }

  private static String required(String key) {
    String v = System.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("system property " + key + " is not set; run with 'mvn verify' from driver/");
    }
    return v;
  }

  /** URLClassLoader that can say which classes it has actually loaded (to prove which Janino/Guava ran). */
  static final class IsolatedLoader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    IsolatedLoader(URL[] urls) {
      super("fusion-isolated", urls, ClassLoader.getPlatformClassLoader());
    }

    boolean hasLoaded(String className) {
      synchronized (getClassLoadingLock(className)) {
        return findLoadedClass(className) != null;
      }
    }
  }
}
