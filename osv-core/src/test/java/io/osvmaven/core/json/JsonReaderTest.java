package io.osvmaven.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void readsBackWhatTheWriterWrites() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\n\u0001é");
    m.put("n", 42L);
    m.put("list", List.of(true, false, 1.5));
    m.put("empty", Map.of());
    m.put("none", null);
    assertThat(JsonReader.read(JsonWriter.write(m))).isEqualTo(m);
  }

  @Test
  void rejectsBrokenInputWithTheOffset() {
    assertThatThrownBy(() -> JsonReader.read("{\"a\": 1,}")).hasMessageStartingWith("JSON at offset 8");
    assertThatThrownBy(() -> JsonReader.read("[1] x")).hasMessageContaining("unexpected text after the value");
    assertThatThrownBy(() -> JsonReader.read("\"open")).hasMessageContaining("unterminated string");
  }
}
