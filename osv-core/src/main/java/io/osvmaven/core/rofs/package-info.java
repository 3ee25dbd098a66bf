/**
 * OSv's read-only filesystem: {@link io.osvmaven.core.rofs.RofsWriter} writes an image from a
 * {@link io.osvmaven.core.tree.FileTree} as OSv's gen-rofs-img.py does; {@link
 * io.osvmaven.core.rofs.RofsReader} opens one (also inside a disk image), lists and reads it and checks
 * its consistency.
 */
package io.osvmaven.core.rofs;
