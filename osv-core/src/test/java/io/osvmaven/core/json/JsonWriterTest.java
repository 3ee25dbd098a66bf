package io.osvmaven.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void writesNestedStructuresInIterationOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", List.of("x", true));
    m.put("e", Map.of());
    m.put("n", null);
    assertThat(JsonWriter.write(m)).isEqualTo(
        "{\n  \"z\": 1,\n  \"a\": [\n    \"x\",\n    true\n  ],\n  \"e\": {},\n  \"n\": null\n}\n");
  }

  @Test
  void escapesControlCharactersAndQuotes() {
    assertThat(JsonWriter.write("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"\n");
  }
}
