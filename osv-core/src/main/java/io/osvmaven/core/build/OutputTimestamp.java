package io.osvmaven.core.build;

import io.osvmaven.core.OsvException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time every timestamp in an image gets, from Maven's {@code project.build.outputTimestamp}, with
 * maven-archiver's semantics: an ISO-8601 offset date-time or integer seconds since the epoch; a value of
 * one character (e.g. {@code a}) or none means "not configured". When not configured, the
 * {@code SOURCE_DATE_EPOCH} environment variable is used if set, else epoch + 1 s (jib's default), so
 * images stay reproducible either way.
 */
public final class OutputTimestamp {

  /** Used when nothing is configured: one second after the epoch. */
  public static final long DEFAULT_SECONDS = 1L;

  private static final long MIN = Instant.parse("1980-01-01T00:00:02Z").getEpochSecond();
  private static final long MAX = Instant.parse("2099-12-31T23:59:59Z").getEpochSecond();

  private OutputTimestamp() {}

  /**
   * @param value the configured value, may be null
   * @param sourceDateEpoch the SOURCE_DATE_EPOCH environment variable, may be null
   * @return seconds since the epoch
   */
  public static long seconds(String value, String sourceDateEpoch) {
    if (value == null || value.strip().length() <= 1) {
      if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
        try {
          return Long.parseLong(sourceDateEpoch.strip());
        } catch (NumberFormatException e) {
          throw new OsvException("SOURCE_DATE_EPOCH must be integer seconds, got '" + sourceDateEpoch + "'");
        }
      }
      return DEFAULT_SECONDS;
    }
    String v = value.strip();
    long seconds;
    if (v.chars().allMatch(Character::isDigit)) {
      seconds = Long.parseLong(v);
    } else {
      try {
        seconds = OffsetDateTime.parse(v).toInstant().getEpochSecond();
      } catch (DateTimeParseException e) {
        throw new OsvException("invalid outputTimestamp '" + v + "'",
            "use an ISO-8601 date-time with offset such as 2026-01-01T00:00:00Z, or seconds since the epoch");
      }
    }
    if (seconds < MIN || seconds > MAX) {
      throw new OsvException("outputTimestamp '" + v + "' is outside 1980-01-01T00:00:02Z .. 2099-12-31T23:59:59Z",
          "Maven's reproducible-build timestamps are limited to this range");
    }
    return seconds;
  }
}
