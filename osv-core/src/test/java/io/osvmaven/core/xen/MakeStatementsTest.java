package io.osvmaven.core.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osvmaven.core.OsvException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MakeStatementsTest {

  private static List<String> read(String text, Map<String, String> vars) {
    return MakeStatements.read("m.mk", text, vars).statements().stream()
        .map(s -> s.location().line() + ":" + s.text()).toList();
  }

  @Test
  void joinsContinuationsAndKeepsTheFirstLineNumber() {
    assertThat(read("A := x \\\n\ty \\\n   z\nB := w\n", Map.of()))
        .containsExactly("1:A := x y z", "4:B := w");
  }

  @Test
  void dropsCommentsButNotEscapedHashes() {
    assertThat(read("# all comment\nA := x # tail\nB := a\\#b\n", Map.of()))
        .containsExactly("2:A := x", "3:B := a#b");
  }

  @Test
  void aCommentEndingInBackslashSwallowsTheNextLine() {
    assertThat(read("# note \\\nA := hidden\nB := seen\n", Map.of())).containsExactly("3:B := seen");
  }

  @Test
  void evaluatesConditionalsWithUnsetVariables() {
    String text = String.join("\n",
        "ifeq ($(CONFIG_RUMP),y)", "A := rump", "else", "A := normal", "endif",
        "ifneq \"$(MAKECMDGOALS)\" \"distclean\"", "B := built", "endif",
        "ifdef DEBUG", "C := debug", "endif",
        "ifeq ($(X),a)", "D := a", "else ifeq ($(X),)", "D := empty", "else", "D := other", "endif",
        "");
    assertThat(read(text, Map.of())).containsExactly("4:A := normal", "7:B := built",
        "15:D := empty");
    assertThat(read(text, Map.of("CONFIG_RUMP", "y", "DEBUG", "1", "X", "a")))
        .containsExactly("2:A := rump", "7:B := built", "10:C := debug", "13:D := a");
  }

  @Test
  void nestedInactiveBlocksStayInactive() {
    String text = "ifeq ($(A),y)\nifeq ($(B),)\nX := 1\nelse\nX := 2\nendif\nendif\nY := 3\n";
    assertThat(read(text, Map.of())).containsExactly("8:Y := 3");
  }

  @Test
  void unevaluableConditionIsFalseAndNoted() {
    MakeStatements.Result r = MakeStatements.read("m.mk",
        "ifeq ($(filter y,$(A)),y)\nX := 1\nendif\n", Map.of());
    assertThat(r.statements()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("m.mk:1: condition")
        && n.endsWith("cannot be evaluated; taken as false"));
  }

  @Test
  void skipsDefineBodiesAndRecipes() {
    String text = "define m\nA := in-macro\nendef\nall: x\n\tA := recipe\n\n\techo\nB := after\n";
    assertThat(read(text, Map.of())).containsExactly("8:B := after");
  }

  @Test
  void unbalancedConditionalsNameTheLine() {
    assertThatThrownBy(() -> MakeStatements.read("m.mk", "A := 1\nendif\n", Map.of()))
        .isInstanceOf(OsvException.class).hasMessage("m.mk:2: 'endif' without a matching if");
    assertThatThrownBy(() -> MakeStatements.read("m.mk", "\nifeq (a,b)\nA := 1\n", Map.of()))
        .hasMessage("m.mk:2: conditional without a matching 'endif'");
    assertThatThrownBy(() -> MakeStatements.read("m.mk", "define x\nA := 1\n", Map.of()))
        .hasMessage("m.mk:1: 'define' without a matching 'endef'");
  }
}
