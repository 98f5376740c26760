package org.fusionjdbc.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What the shell connects to at start: a URL with its connection properties (or none: a plain shell where the
 * user types {@code !connect}), the name shown in the prompt, an optional banner, and a resource to close when
 * the shell ends (the demo's emulator).
 */
record Target(Optional<String> url, Properties properties, String nickname, Optional<String> banner,
    AutoCloseable owned) implements AutoCloseable {

  Target {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(nickname, "nickname");
    Objects.requireNonNull(banner, "banner");
    Objects.requireNonNull(owned, "owned");
  }

  static Target of(ConnectionInputs inputs) {
    String nick = inputs.url().map(Target::hostOf).map(h -> "fusion@" + h).orElse("fusion");
    return new Target(inputs.url(), inputs.properties(), nick, Optional.empty(), () -> { });
  }

  /** The host of a {@code jdbc:fusion://host[:port]...} URL, for the prompt (never the query string). */
  static String hostOf(String url) {
    String rest = url.startsWith("jdbc:fusion://") ? url.substring("jdbc:fusion://".length()) : "";
    int end = 0;
    while (end < rest.length() && "/?:;&#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    return end == 0 ? "pod" : rest.substring(0, end);
  }

  @Override
  public void close() throws Exception {
    owned.close();
  }

  /** Never shows the properties: they may hold secrets. */
  @Override
  public String toString() {
    return "Target[" + nickname + "]";
  }
}
