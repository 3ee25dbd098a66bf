/**
 * Minimal xen-tools: choose the Xen dom0 tools components a system needs, prove the choice closed,
 * and emit what builds exactly that.
 *
 * <p>{@link io.osvmaven.core.xen.XenTools} is the entry point. A
 * {@link io.osvmaven.core.xen.XenToolsRequest} names a preset ({@code minimal}, the design table's
 * "included" column, or {@code full}), includes, excludes, the Xen version, strict mode and
 * optionally a Xen source tree; {@link io.osvmaven.core.xen.XenToolsSelector} closes it over three
 * layers of needs (Xen library links, recipe RDEPENDS, run-time needs of scripts and daemons) using
 * the data of {@link io.osvmaven.core.xen.XenToolsCatalog} and a
 * {@link io.osvmaven.core.xen.BuildGraph}; the {@link io.osvmaven.core.xen.XenToolsSelection} says
 * why each component is in, which needs could not be met ({@link io.osvmaven.core.xen.Contradiction})
 * and in which order things build. {@link io.osvmaven.core.xen.XenToolsOutputs} writes the Yocto
 * local.conf snippet, the CONFIG_MINIMAL_TOOLS blocks for tools/Makefile, tools/libs/Makefile and
 * tools/libs/uselibs.mk, the configure flags and the Markdown and JSON reports.
 */
package io.osvmaven.core.xen;
