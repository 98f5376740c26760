package org.fusionjdbc.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The URL and connection properties fusion-sql connects with, gathered from {@code -u}/{@code -n}, a properties
 * file and the environment. Secrets come only from the file or the environment, never from the command line.
 * They are the driver's inputs, unchecked: the driver parses and validates them when it connects.
 */
final class ConnectionInputs {
  /** Environment variables read for secrets, and the connection property each one sets. */
  static final Map<String, String> SECRET_ENVIRONMENT = Map.of(
      "FUSION_PASSWORD", "password",
      "FUSION_CLIENT_SECRET", "clientSecret",
      "FUSION_PRIVATE_KEY_PASSWORD", "privateKeyPassword",
      "FUSION_ACCESS_TOKEN", "accessToken");

  private final Optional<String> url;
  private final Properties properties;

  private ConnectionInputs(Optional<String> url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  /**
   * Merges, lowest precedence first: the properties file (which may hold {@code url=}), then {@code -u}/{@code -n},
   * then the secret environment variables.
   */
  static ConnectionInputs from(LaunchOptions options, Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    Properties props = new Properties();
    options.propertiesFile().ifPresent(file -> load(file, props));
    String fileUrl = (String) props.remove("url");
    Optional<String> url = options.url().or(() -> Optional.ofNullable(fileUrl)).map(String::trim);
    options.user().ifPresent(u -> props.setProperty("user", u));
    SECRET_ENVIRONMENT.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value != null && !value.isEmpty()) {
        props.setProperty(key, value);
      }
    });
    return new ConnectionInputs(url, props);
  }

  Optional<String> url() {
    return url;
  }

  /** A copy: the caller may hand it to a driver that keeps it. */
  Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  private static void load(Path file, Properties into) {
    if (!Files.isRegularFile(file)) {
      throw new LaunchOptions.UsageException("properties file " + file + " does not exist or is not a file");
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      into.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new LaunchOptions.UsageException("cannot read properties file " + file + ": " + e.getMessage());
    }
  }

  /** Names the keys but never the values: some are secrets. */
  @Override
  public String toString() {
    return "ConnectionInputs[url=" + url.isPresent() + ", keys=" + new java.util.TreeSet<>(properties.stringPropertyNames()) + "]";
  }
}
