package io.osvmaven.plugin;

import io.osvmaven.core.OsvException;

/** An engine error re-labelled with the POM element the user has to fix. */
final class PomElementException extends OsvException {

  private static final long serialVersionUID = 1L;

  private final String element;

  PomElementException(String element, OsvException cause) {
    super(cause.getMessage(), cause.hint().orElse(null), cause);
    this.element = element;
  }

  PomElementException(String element, String message, String hint) {
    super(message, hint);
    this.element = element;
  }

  String element() {
    return element;
  }
}
