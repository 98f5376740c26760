package org.fusionjdbc.client.query;

import java.util.List;
import java.util.Objects;

/**
 * Where a collection lives: a context root ({@code fscmRestApi}, {@code hcmRestApi}, {@code crmRestApi}),
 * a resource name as Fusion spells it (case-sensitive), and optionally one parent and child accessor. The
 * parent is named by the value of its (single) key attribute, not by a URL segment: the client finds the
 * parent with q on that key and reads the child collection at the link the pod returns (effective-dated
 * pods key items by an opaque hash). {@link #segments()} is for display only.
 */
public record ResourcePath(String contextRoot, String resource, String parentId, String child) {

  public ResourcePath {
    Objects.requireNonNull(contextRoot, "contextRoot");
    Objects.requireNonNull(resource, "resource");
    if ((parentId == null) != (child == null)) {
      throw new IllegalArgumentException("parentId and child go together");
    }
  }

  public static ResourcePath of(String contextRoot, String resource) {
    return new ResourcePath(contextRoot, resource, null, null);
  }

  /** The child collection {@code child} of item {@code parentId} of this (top-level) resource. */
  public ResourcePath child(String parentId, String child) {
    if (isChild()) {
      throw new IllegalStateException("only one level of child is supported: " + this);
    }
    return new ResourcePath(contextRoot, resource, Objects.requireNonNull(parentId, "parentId"),
        Objects.requireNonNull(child, "child"));
  }

  public boolean isChild() {
    return child != null;
  }

  /** Path segments after {@code /resources/<version>/}, unencoded. */
  public List<String> segments() {
    return isChild() ? List.of(resource, parentId, "child", child) : List.of(resource);
  }

  @Override
  public String toString() {
    return contextRoot + ":" + String.join("/", segments());
  }
}
