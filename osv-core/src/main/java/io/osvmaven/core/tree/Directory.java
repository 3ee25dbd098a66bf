package io.osvmaven.core.tree;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A directory. Children keep the order in which they were added: OSv's own tools lay out an image in
 * manifest order, and reproducing that order is what makes our images comparable with theirs. Builders
 * that want a host-independent order add children sorted (see {@link FileTree#sorted()}).
 */
public final class Directory implements Node {

  private final String name;
  private Attributes attributes;
  private final Map<String, Node> children;

  public Directory(String name, Attributes attributes) {
    this.name = Objects.requireNonNull(name, "name");
    this.attributes = Objects.requireNonNull(attributes, "attributes");
    this.children = new LinkedHashMap<>();
  }

  /** A directory holding {@code children} in this order, whose names are those of nodes already in a tree. */
  Directory(String name, Attributes attributes, Node[] children) {
    this.name = name;
    this.attributes = attributes;
    // sized for all children at once: copies of big directories would otherwise rehash several times
    this.children = new LinkedHashMap<>((int) (children.length / 0.75f) + 1);
    for (Node child : children) {
      this.children.put(child.name(), child);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  public void setAttributes(Attributes attributes) {
    this.attributes = Objects.requireNonNull(attributes, "attributes");
  }

  /** The children in insertion order (read-only view). */
  public Collection<Node> children() {
    return Collections.unmodifiableCollection(children.values());
  }

  /** A snapshot of the children in insertion order, for walks that must not pay for an iterator view. */
  Node[] childArray() {
    return children.values().toArray(new Node[0]);
  }

  public Node child(String childName) {
    return children.get(childName);
  }

  public int size() {
    return children.size();
  }

  /**
   * Adds or replaces a child. A replaced child keeps its position, as a re-assigned key does in the
   * Python dictionaries OSv's gen-rofs-img.py builds its tree with.
   *
   * @return the child that was replaced, or null
   */
  public Node put(Node child) {
    if (child.name().isEmpty() || child.name().indexOf('/') >= 0) {
      throw new IllegalArgumentException("invalid entry name '" + child.name() + "'");
    }
    return children.put(child.name(), child);
  }

  public Node remove(String childName) {
    return children.remove(childName);
  }
}
