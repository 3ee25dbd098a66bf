package io.osvmaven.core.profile;

import java.util.List;

/** Why a driver ended up on or off. */
public sealed interface Reason {

  /** A sentence for reports: "implied by virtio_blk (x64/base.mk:3)". */
  String describe();

  /** A short machine-readable kind for JSON reports. */
  String kind();

  /** The user asked for it: {@code <includes>} or {@code <excludes>}. */
  record ByUser(boolean included) implements Reason {
    @Override
    public String describe() {
      return included ? "included by the user" : "excluded by the user";
    }

    @Override
    public String kind() {
      return included ? "user-include" : "user-exclude";
    }
  }

  /**
   * A profile line set it. {@code chain} lists the profiles from the selected one down to the one
   * holding the line (e.g. all, vmware).
   */
  record ByProfile(List<String> chain, Origin origin) implements Reason {
    public ByProfile {
      chain = List.copyOf(chain);
    }

    @Override
    public String describe() {
      String via = chain.size() > 1
          ? " (via " + String.join(" -> ", chain) + ")"
          : "";
      return "set by profile " + chain.get(chain.size() - 1) + " at " + origin + via;
    }

    @Override
    public String kind() {
      return "profile";
    }
  }

  /** A rule turned it on because another driver is on. */
  record Implied(String byDriver, Origin rule) implements Reason {
    @Override
    public String describe() {
      return "implied by " + byDriver + " (rule " + rule + ")";
    }

    @Override
    public String kind() {
      return "implied";
    }
  }

  /** Nothing turned it on. */
  record Default(Origin origin) implements Reason {
    @Override
    public String describe() {
      return origin == null ? "off: not selected" : "off by default (" + origin + ")";
    }

    @Override
    public String kind() {
      return "default";
    }
  }
}
