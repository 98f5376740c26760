package org.fusionjdbc.emulator.data;

import java.util.List;
import java.util.Objects;

/** A named finder: its variables are attributes compared for equality (ANDed). */
public record Finder(String name, String title, List<String> attributes) {
  public Finder {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    attributes = List.copyOf(attributes);
  }
}
