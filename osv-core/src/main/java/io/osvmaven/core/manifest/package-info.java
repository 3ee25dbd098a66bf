/**
 * OSv manifests: {@link io.osvmaven.core.manifest.ManifestParser} reads the {@code guest: host} syntax,
 * {@link io.osvmaven.core.manifest.ManifestResolver} expands {@code /**} and {@code /&/} and follows host
 * symlinks, {@link io.osvmaven.core.manifest.TreeComposer} merges several sources into one guest
 * {@link io.osvmaven.core.tree.FileTree}, and {@link io.osvmaven.core.manifest.ManifestWriter} writes the
 * composed tree back as a manifest OSv's tools can read.
 */
package io.osvmaven.core.manifest;
