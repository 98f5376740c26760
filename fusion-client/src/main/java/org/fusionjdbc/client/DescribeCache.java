package org.fusionjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.fusionjdbc.client.describe.DescribeParser;
import org.fusionjdbc.client.describe.ResourceDescription;

/** Describe results per client (a resource is described once per connection). */
final class DescribeCache {
  private final Map<String, ResourceDescription> memory = new ConcurrentHashMap<>();

  DescribeCache(FusionClientConfig config) {
  }

  ResourceDescription get(String contextRoot, String resource, Supplier<JsonNode> fetch) {
    return memory.computeIfAbsent(contextRoot + "\u0000" + resource,
        k -> DescribeParser.parse(fetch.get(), resource));
  }
}
