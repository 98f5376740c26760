package org.fusionjdbc.emulator.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Deterministic value helpers: every value is a pure function of (seed, row index, field number). */
final class Gen {
  private final long seed;
  private final long index;

  Gen(long seed, long index) {
    this.seed = seed;
    this.index = index;
  }

  /** splitmix64 finaliser: cheap, well mixed, no state. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long bits(int field) {
    return mix(seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + field * 0x8CB92BA72F3D8DD7L + field);
  }

  /** Uniform in [0, bound). */
  int nextInt(int field, int bound) {
    return (int) Math.floorMod(bits(field), (long) bound);
  }

  boolean chance(int field, int percent) {
    return nextInt(field, 100) < percent;
  }

  <T> T pick(int field, T[] values) {
    return values[nextInt(field, values.length)];
  }

  String flag(int field, int percentY) {
    return chance(field, percentY) ? "Y" : "N";
  }

  /** An amount with scale 2 between min and max (whole units). */
  BigDecimal amount(int field, int min, int max) {
    long cents = (long) min * 100 + Math.floorMod(bits(field), (long) (max - min) * 100);
    return BigDecimal.valueOf(cents, 2);
  }

  LocalDate date(int field, LocalDate from, int spanDays) {
    return from.plusDays(nextInt(field, spanDays));
  }

  /** A UTC datetime on the given day, whole seconds. */
  static OffsetDateTime at(LocalDate day, long secondsOfDay) {
    return day.atStartOfDay().plusSeconds(Math.floorMod(secondsOfDay, 86_400L)).atOffset(ZoneOffset.UTC);
  }

  OffsetDateTime datetimeOn(int field, LocalDate day) {
    return at(day, bits(field));
  }
}
