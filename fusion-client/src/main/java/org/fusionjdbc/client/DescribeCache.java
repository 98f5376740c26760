package org.fusionjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.describe.DescribeParser;
import org.fusionjdbc.client.describe.ResourceDescription;

/**
 * Describe results (and the catalog's resource list) per client, and optionally on disk with a TTL so BI tools that list every column do not
 * describe every resource on every connect. Disk entries hold only the describe JSON and the key it was
 * fetched under (host, context root, REST version, resource), never credentials; written via a temp file
 * and an atomic move, so a reader never sees half a file. A broken or stale file is simply refetched.
 */
final class DescribeCache {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.describe");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FusionClientConfig config;
  private final Map<String, CompletableFuture<ResourceDescription>> memory = new ConcurrentHashMap<>();

  DescribeCache(FusionClientConfig config) {
    this.config = config;
  }

  /**
   * One fetch per resource even when threads ask at once; the HTTP call runs outside any map lock (a BI tool
   * describing many tables in parallel is not serialised), and a failure is not cached.
   */
  ResourceDescription get(String contextRoot, String resource, Supplier<JsonNode> fetch) {
    String key = contextRoot + "\u0000" + resource;
    CompletableFuture<ResourceDescription> mine = new CompletableFuture<>();
    CompletableFuture<ResourceDescription> existing = memory.putIfAbsent(key, mine);
    if (existing != null) {
      try {
        return existing.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    }
    try {
      ResourceDescription d = DescribeParser.parse(load(contextRoot, resource, fetch), resource);
      mine.complete(d);
      return d;
    } catch (RuntimeException e) {
      memory.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * The catalog's resource list of a context root, memory-cached by the caller and kept on disk here like a
   * describe, so the many connections of a BI tool or a Spark job do not each fetch it. Only a list that was read
   * is stored: {@code fetch} throws for a catalog that could not be read, and nothing is written.
   */
  JsonNode catalog(String contextRoot, Supplier<JsonNode> fetch) {
    return load(contextRoot, CATALOG_KEY, fetch);
  }

  /** The cache key of a catalog; no resource name contains a slash. */
  static final String CATALOG_KEY = "/catalog";

  private JsonNode load(String contextRoot, String resource, Supplier<JsonNode> fetch) {
    Optional<Path> dir = config.metadataCacheDir();
    if (dir.isEmpty()) {
      return fetch.get();
    }
    String host = config.baseUrl().getHost() + ":" + config.baseUrl().getPort();
    Path file = dir.get().resolve("describe-" + sha256(host + "|" + contextRoot + "|" + config.restVersion()
        + "|" + resource) + ".json");
    JsonNode cached = read(file, host, contextRoot, resource);
    if (cached != null) {
      return cached;
    }
    JsonNode fresh = fetch.get();
    write(file, host, contextRoot, resource, fresh);
    return fresh;
  }

  private JsonNode read(Path file, String host, String root, String resource) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      JsonNode entry = JSON.readTree(file.toFile());
      long age = System.currentTimeMillis() - entry.path("fetchedAt").asLong(0);
      boolean same = host.equals(entry.path("host").asText()) && root.equals(entry.path("contextRoot").asText())
          && config.restVersion().equals(entry.path("version").asText())
          && resource.equals(entry.path("resource").asText());
      return same && age >= 0 && age < config.metadataCacheTtl().toMillis() && entry.has("describe")
          ? entry.get("describe") : null;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "ignoring unreadable describe cache file " + file, e);
      return null;
    }
  }

  private void write(Path file, String host, String root, String resource, JsonNode describe) {
    try {
      Files.createDirectories(file.getParent());
      ObjectNode entry = JSON.createObjectNode();
      entry.put("host", host).put("contextRoot", root).put("version", config.restVersion())
          .put("resource", resource).put("fetchedAt", System.currentTimeMillis());
      entry.set("describe", describe);
      Path tmp = Files.createTempFile(file.getParent(), ".describe-", ".tmp");
      try {
        Files.write(tmp, JSON.writeValueAsBytes(entry));
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot write describe cache file " + file + "; continuing without it", e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
