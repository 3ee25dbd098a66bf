package io.osvmaven.core.xen;

import java.util.List;

/**
 * A selected component needs one that cannot be selected.
 *
 * @param chain from the root that brought the chain in (a preset member or an include) to the
 *     component that cannot be selected, e.g. [xencommons, xl]
 * @param need the last link's need
 * @param blocked why the last component cannot be selected ("excluded by request", "not in preset
 *     minimal", "not in Xen 4.19 (exists from 4.21)")
 * @param fixes ways out, each a complete instruction
 */
public record Contradiction(List<String> chain, Dependency need, String blocked, List<String> fixes) {

  public Contradiction {
    chain = List.copyOf(chain);
    fixes = List.copyOf(fixes);
  }

  public String needer() {
    return chain.get(chain.size() - 2);
  }

  public String target() {
    return chain.get(chain.size() - 1);
  }

  /** "xencommons -> xl". */
  public String chainText() {
    return String.join(" -> ", chain);
  }

  /** "xencommons -> xl: xencommons needs xl (RDEPENDS: ...), but xl is not in preset minimal". */
  public String describe() {
    return chainText() + ": " + needer() + " needs " + target() + " (" + need.describe() + "), but "
        + target() + " is " + blocked;
  }
}
