package org.fusionjdbc.client.describe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a context root's catalog ({@code describe?metadataMode=list|minimal}) told the client. A catalog is a
 * convenience for listing tables, never a gate: when it is {@link State#UNREADABLE} (a shape the parser does not
 * know) or {@link State#UNAVAILABLE} (401, 403 or 404: the user may not read it, or the pod lacks that family),
 * resources are still described directly by name, and {@link #problem()} says why the list is empty.
 *
 * @param state how the catalog answered
 * @param names resource names, in the catalog's order (empty unless {@link State#READ})
 * @param problem for the other states: what went wrong and what to do, for a warning
 */
public record ResourceCatalog(State state, List<String> names, Optional<String> problem) {

  /** How the catalog answered. */
  public enum State {
    /** Read; {@link #names()} is the list (possibly empty). */
    READ,
    /** Answered, but in no shape the driver can read. */
    UNREADABLE,
    /** 401, 403 or 404: not this user's, or not on this pod. */
    UNAVAILABLE
  }

  public ResourceCatalog {
    Objects.requireNonNull(state, "state");
    names = List.copyOf(names);
    Objects.requireNonNull(problem, "problem");
    if (state != State.READ && problem.isEmpty()) {
      throw new IllegalArgumentException("a catalog that was not read needs a problem text");
    }
  }

  public static ResourceCatalog read(List<String> names) {
    return new ResourceCatalog(State.READ, names, Optional.empty());
  }

  public static ResourceCatalog unreadable(String problem) {
    return new ResourceCatalog(State.UNREADABLE, List.of(), Optional.of(problem));
  }

  public static ResourceCatalog unavailable(String problem) {
    return new ResourceCatalog(State.UNAVAILABLE, List.of(), Optional.of(problem));
  }

  public boolean isRead() {
    return state == State.READ;
  }
}
