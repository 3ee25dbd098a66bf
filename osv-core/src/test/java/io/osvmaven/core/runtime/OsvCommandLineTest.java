package io.osvmaven.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvCommandLineTest {

  @Test
  void plainWordsStayAsTheyAre() {
    assertThat(OsvCommandLine.quote("-Xmx512m")).isEqualTo("-Xmx512m");
    assertThat(OsvCommandLine.quote("/app/a.jar:/app/lib/b-1.0.jar")).isEqualTo("/app/a.jar:/app/lib/b-1.0.jar");
    assertThat(OsvCommandLine.quote("-Dhome=$HOME")).isEqualTo("-Dhome=$HOME");
  }

  @Test
  void separatorsBlanksQuotesAndBackslashesAreQuoted() {
    assertThat(OsvCommandLine.quote("a b")).isEqualTo("\"a b\"");
    assertThat(OsvCommandLine.quote("x;y")).isEqualTo("\"x;y\"");
    assertThat(OsvCommandLine.quote("x&y")).isEqualTo("\"x&y\"");
    assertThat(OsvCommandLine.quote("hi!")).isEqualTo("\"hi!\"");
    assertThat(OsvCommandLine.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(OsvCommandLine.quote("C:\\dir")).isEqualTo("\"C:\\\\dir\"");
    assertThat(OsvCommandLine.quote("tab\there")).isEqualTo("\"tab\\there\"");
    assertThat(OsvCommandLine.quote("two\nlines")).isEqualTo("\"two\\nlines\"");
    assertThat(OsvCommandLine.quote("")).isEqualTo("\"\"");
  }

  @Test
  void controlCharactersAreRejected() {
    assertThatThrownBy(() -> OsvCommandLine.quote("bell\u0007")).isInstanceOf(OsvException.class)
        .hasMessageContaining("control character");
  }

  @Test
  void joinsWithSingleSpaces() {
    assertThat(OsvCommandLine.join(List.of("/prog", "a b", "c"))).isEqualTo("/prog \"a b\" c");
  }
}
