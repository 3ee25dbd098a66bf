package io.osvmaven.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputTimestampTest {

  @Test
  void parsesIsoOffsetDateTimesAndEpochSeconds() {
    assertThat(OutputTimestamp.seconds("2026-01-01T00:00:00Z", null)).isEqualTo(1767225600L);
    assertThat(OutputTimestamp.seconds("2026-01-01T01:00:00+01:00", null)).isEqualTo(1767225600L);
    assertThat(OutputTimestamp.seconds("1767225600", null)).isEqualTo(1767225600L);
  }

  @Test
  void unsetOrOneCharacterFallsBackToSourceDateEpochThenEpochPlusOne() {
    assertThat(OutputTimestamp.seconds(null, null)).isEqualTo(1L);
    assertThat(OutputTimestamp.seconds("a", null)).isEqualTo(1L);
    assertThat(OutputTimestamp.seconds("", "1700000000")).isEqualTo(1700000000L);
  }

  @Test
  void rejectsGarbageAndOutOfRangeValues() {
    assertThatThrownBy(() -> OutputTimestamp.seconds("yesterday", null)).hasMessage("invalid outputTimestamp 'yesterday'");
    assertThatThrownBy(() -> OutputTimestamp.seconds("1970-01-02T00:00:00Z", null)).hasMessageContaining("outside");
    assertThatThrownBy(() -> OutputTimestamp.seconds(null, "soon")).hasMessageContaining("SOURCE_DATE_EPOCH");
  }
}
