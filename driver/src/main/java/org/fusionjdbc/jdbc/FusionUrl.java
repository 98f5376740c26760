package org.fusionjdbc.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code jdbc:fusion://<pod-host>[:port][/][?key=value&...]} plus the caller's Properties into
 * {@link ConnectionSettings}. Secrets belong in Properties (tools log URLs), but the URL accepts them too.
 */
public final class FusionUrl {
  public static final String PREFIX = "jdbc:fusion:";
  private static final Pattern URL = Pattern.compile(
      "jdbc:fusion://(?<host>\\[[0-9a-fA-F:.]+]|[^:/?#\\[\\]]*)(?::(?<port>[^/?#]*))?/?(?:\\?(?<query>.*))?",
      Pattern.DOTALL);

  private FusionUrl() {
  }

  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  public static ConnectionSettings parse(String url, Properties info) throws SQLException {
    Matcher m = URL.matcher(url == null ? "" : url.trim());
    if (!m.matches()) {
      throw ConnectionSettings.invalid("Invalid URL " + redact(url)
          + ": expected jdbc:fusion://<pod-host>[:port][?property=value&...]");
    }
    String host = m.group("host");
    int port = parsePort(m.group("port"), url);
    Map<FusionProperty, String> values = new EnumMap<>(FusionProperty.class);
    if (m.group("query") != null) {
      for (String pair : m.group("query").split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq), url);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), url);
        FusionProperty p = FusionProperty.forKey(key).orElseThrow(() -> ConnectionSettings.invalid(
            "Unknown connection property '" + key + "' in the URL; did you mean '" + FusionProperty.nearestKey(key) + "'?"));
        if (values.containsKey(p) && !values.get(p).equals(value)) {
          throw ConnectionSettings.invalid("Connection property '" + p.key() + "' is given twice in the URL");
        }
        putIfNotBlank(values, p, value);
      }
    }
    List<String> ignored = new ArrayList<>();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        String value = info.getProperty(key);
        Optional<FusionProperty> p = FusionProperty.forKey(key);
        if (p.isEmpty()) {
          ignored.add(key);
          continue;
        }
        String fromUrl = values.get(p.get());
        if (fromUrl != null && value != null && !value.isBlank() && !fromUrl.equals(value)) {
          throw ConnectionSettings.invalid("Connection property '" + p.get().key()
              + "' is set both in the URL and in the properties, with different values; set it once");
        }
        if (fromUrl == null) {
          putIfNotBlank(values, p.get(), value);
        }
      }
    }
    return new ConnectionSettings(host, port, values, ignored);
  }

  /** Tools send empty fields for settings the user left blank: blank means "not set". */
  private static void putIfNotBlank(Map<FusionProperty, String> values, FusionProperty p, String value) {
    if (value != null && !value.isBlank()) {
      values.put(p, p.isSecret() ? value : value.trim());
    }
  }

  private static int parsePort(String raw, String url) throws SQLException {
    if (raw == null || raw.isEmpty()) {
      return -1;
    }
    try {
      int port = Integer.parseInt(raw);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw ConnectionSettings.invalid("Invalid port '" + raw + "' in URL " + redact(url) + " (expected 1 to 65535)");
    }
  }

  private static String decode(String s, String url) throws SQLException {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ConnectionSettings.invalid("Invalid percent-encoding in URL " + redact(url));
    }
  }

  /** The URL with the value of every secret property masked, for messages and logs. */
  public static String redact(String url) {
    if (url == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    out.append(url, 0, q + 1);
    String[] pairs = url.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      boolean secret = FusionProperty.forKey(key).map(FusionProperty::isSecret).orElse(true);
      out.append(i > 0 ? "&" : "").append(eq < 0 || !secret ? pair : key + "=****");
    }
    return out.toString();
  }
}
