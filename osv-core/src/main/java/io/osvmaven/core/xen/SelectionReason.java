package io.osvmaven.core.xen;

/**
 * Why a component is in the selection.
 *
 * @param kind how it got in
 * @param neededBy for {@link Kind#NEEDED}, the selected component that needs it
 * @param via for {@link Kind#NEEDED}, the need
 */
public record SelectionReason(Kind kind, String preset, String neededBy, Dependency via) {

  public enum Kind { PRESET, INCLUDED, NEEDED }

  public static SelectionReason preset(String name) {
    return new SelectionReason(Kind.PRESET, name, null, null);
  }

  public static SelectionReason included() {
    return new SelectionReason(Kind.INCLUDED, null, null, null);
  }

  public static SelectionReason needed(String by, Dependency via) {
    return new SelectionReason(Kind.NEEDED, null, by, via);
  }

  public String describe() {
    return switch (kind) {
      case PRESET -> "in preset " + preset;
      case INCLUDED -> "included by request";
      case NEEDED -> "needed by " + neededBy + " (" + via.describe() + ")";
    };
  }
}
