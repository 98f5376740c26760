package org.fusionjdbc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The floor a driver can reach: one thread issuing the scan's pages with java.net.http and streaming each body
 * with Jackson into {@code Object[]} rows (Long/BigDecimal, String, Boolean, null), nothing else. Two modes:
 * keyset ({@code q=key > last}, offset 0, the pages the driver sends) and offset ({@code offset += count}, what
 * naive tools do). Always sequential: one request in flight.
 */
final class RawPager implements AutoCloseable {
  enum Mode { KEYSET, OFFSET }

  private static final JsonFactory JSON = new JsonFactory();

  private final HttpClient http;
  private final String collectionUrl;
  private final String authorization;
  private final List<String> fields;
  private final String key;
  private final int pageSize;

  /** @param collectionUrl e.g. {@code http://127.0.0.1:1234/fscmRestApi/resources/11.13.18.05/invoices} */
  RawPager(String collectionUrl, String authorization, List<String> fields, String key, int pageSize) {
    this.collectionUrl = Objects.requireNonNull(collectionUrl, "collectionUrl");
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.fields = List.copyOf(fields);
    this.key = Objects.requireNonNull(key, "key");
    if (!this.fields.contains(key)) {
      throw new IllegalArgumentException("fields must include the key " + key);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
    }
    this.pageSize = pageSize;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Result of one full scan. */
  record Scan(long rows, int requests, long checksum) {}

  /** Scans the whole collection; {@code checksum} folds every value so nothing is optimised away. */
  Scan scan(Mode mode) {
    return scan(mode, null, null);
  }

  /**
   * The reachable floor with latency: {@code threads} disjoint key ranges (from the min and max key, one limit-1
   * request each) keyset-paged concurrently, rows consumed in arrival order (no global key order).
   */
  Scan parallelKeysetScan(int threads) {
    long min = ((Number) edge("asc")).longValue();
    long max = ((Number) edge("desc")).longValue();
    long step = Math.max(1, (max - min + threads) / threads);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-raw-slice");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<Scan>> parts = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        long lo = min + i * step;
        Long hi = i == threads - 1 ? null : min + (i + 1) * step;
        parts.add(pool.submit(() -> scan(Mode.KEYSET, lo, hi)));
      }
      long rows = 0;
      long checksum = 0;
      int requests = 2;
      for (var f : parts) {
        Scan s = f.get();
        rows += s.rows();
        checksum += s.checksum();
        requests += s.requests();
      }
      return new Scan(rows, requests, checksum);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a parallel slice failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private Object edge(String direction) {
    String url = collectionUrl + "?onlyData=true&limit=1&offset=0&orderBy=" + key + ":" + direction + "&fields=" + key;
    return Objects.requireNonNull(fetch(URI.create(url), fields.indexOf(key)).lastKey, "empty collection");
  }

  /** Keyset scan of {@code lo <= key < hi} (either bound may be null). */
  private Scan scan(Mode mode, Long lo, Long hi) {
    int keyIndex = fields.indexOf(key);
    Object lastKey = null;
    long offset = 0;
    long rows = 0;
    long checksum = 0;
    int requests = 0;
    while (true) {
      StringBuilder url = new StringBuilder(collectionUrl).append("?onlyData=true&limit=").append(pageSize)
          .append("&orderBy=").append(key).append(":asc&fields=").append(String.join(",", fields));
      if (mode == Mode.KEYSET) {
        url.append("&offset=0");
        StringBuilder q = new StringBuilder();
        if (lo != null) {
          q.append(key).append(" >= ").append(lo);
        }
        if (hi != null) {
          q.append(q.length() > 0 ? " and " : "").append(key).append(" < ").append(hi);
        }
        if (lastKey != null) {
          q.append(q.length() > 0 ? " and " : "").append(key).append(" > ").append(lastKey);
        }
        if (q.length() > 0) {
          url.append("&q=").append(URLEncoder.encode(q.toString(), StandardCharsets.UTF_8));
        }
      } else {
        url.append("&offset=").append(offset);
      }
      Page page = fetch(URI.create(url.toString()), keyIndex);
      requests++;
      rows += page.count;
      checksum += page.checksum;
      offset += page.count;
      if (page.lastKey != null) {
        lastKey = page.lastKey;
      }
      if (!page.hasMore || page.count == 0) {
        return new Scan(rows, requests, checksum);
      }
    }
  }

  /** One keyset first page of {@code pageSize} rows matching {@code q} (null: all), as a tool's first request. */
  int firstPage(String q) {
    StringBuilder url = new StringBuilder(collectionUrl).append("?onlyData=true&offset=0&limit=").append(pageSize)
        .append("&orderBy=").append(key).append(":asc&fields=").append(String.join(",", fields));
    if (q != null) {
      url.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    return fetch(URI.create(url.toString()), fields.indexOf(key)).count;
  }

  private record Page(int count, boolean hasMore, Object lastKey, long checksum) {}

  /**
   * One page; a 429 or 503 is retried after its Retry-After (at most 5 times), as every real client must: the
   * emulator's cap can refuse a request sent the instant a previous response arrived, before it left the count.
   */
  private Page fetch(URI uri, int keyIndex) {
    HttpRequest req = HttpRequest.newBuilder(uri).GET().header("Authorization", authorization)
        .header("REST-Framework-Version", "4").header("Accept", "application/json").build();
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = resp.body()) {
          int status = resp.statusCode();
          if ((status == 429 || status == 503) && attempt < 5) {
            body.readAllBytes();
            long seconds = resp.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(0, seconds) * 1000);
            continue;
          }
          if (status != 200) {
            throw new IllegalStateException("raw pager got HTTP " + status + " for " + uri.getPath());
          }
          try (JsonParser p = JSON.createParser(body)) {
            return parse(p, keyIndex);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("raw pager request failed: " + uri.getPath(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Page parse(JsonParser p, int keyIndex) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      index.put(fields.get(i), i);
    }
    int count = 0;
    boolean hasMore = false;
    Object lastKey = null;
    long checksum = 0;
    expect(p.nextToken(), JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("items")) {
        expect(t, JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Object[] row = new Object[fields.size()];
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer at = index.get(p.currentName());
            JsonToken v = p.nextToken();
            if (at == null) {
              p.skipChildren();
            } else {
              row[at] = value(p, v);
            }
          }
          count++;
          lastKey = row[keyIndex];
          checksum += java.util.Arrays.hashCode(row);
        }
      } else if (name.equals("hasMore")) {
        hasMore = t == JsonToken.VALUE_TRUE;
      } else {
        p.skipChildren();
      }
    }
    return new Page(count, hasMore, lastKey, checksum);
  }

  private static Object value(JsonParser p, JsonToken v) throws IOException {
    return switch (v) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? new BigDecimal(p.getBigIntegerValue()) : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> {
        p.skipChildren();
        yield null;
      }
    };
  }

  private static void expect(JsonToken actual, JsonToken wanted) {
    if (actual != wanted) {
      throw new IllegalStateException("unexpected JSON: " + actual + " where " + wanted + " was expected");
    }
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has no close(); its selector thread ends when it is unreachable.
  }
}
