package io.osvmaven.core.xen;

/** One need of a component on another, in one layer, with the evidence in {@code note}. */
public record Dependency(String target, DependencyLayer layer, String note) {

  /** "links (USELIBS_ctrl, tools/libs/uselibs.mk:20)". */
  public String describe() {
    return note == null || note.isEmpty() ? layer.label() : layer.label() + ": " + note;
  }
}
