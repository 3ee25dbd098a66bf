import java.nio.ByteBuffer
import java.nio.ByteOrder

def img = new File(basedir, 'target/image-bootable-1.0.img')
def loader = new File(basedir, 'kernel/loader.img').bytes
def disk = img.bytes
def b = ByteBuffer.wrap(disk).order(ByteOrder.LITTLE_ENDIAN)

// The command line at 512, NUL-terminated, with --rootfs in front (osv-formats.md §5.4, §5.6)
def cmdline = '--rootfs=rofs /hello.so --greet'
assert new String(disk, 512, cmdline.length(), 'UTF-8') == cmdline
assert disk[512 + cmdline.length()] == 0
// The kernel itself is unchanged from 0x10000 on
assert Arrays.equals(Arrays.copyOfRange(disk, 0x10000, loader.length), Arrays.copyOfRange(loader, 0x10000, loader.length))
// MBR slot 2: start LBA 4096 (2 MiB = round_up(loader size, 2 MiB)), system id 0x83
int slot = 0x1CE
assert (b.get(slot + 4) & 0xff) == 0x83
assert b.getInt(slot + 8) == 4096
// The descriptor says where the filesystem is: in the raw disk, written there once (no bare copy)
def descriptor = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/image-bootable-1.0.json'))
assert descriptor.filesystemImage.file == 'image-bootable-1.0.img'
assert descriptor.filesystemImage.offset == 2 * 1024 * 1024
long rofsSize = descriptor.filesystemImage.size
assert !new File(basedir, 'target/osv/image-bootable-1.0.rofs').exists()
assert (b.getInt(slot + 12) & 0xffffffffL) * 512 == rofsSize
assert b.getLong(2 * 1024 * 1024) == 0xDEADBEADL
assert img.length() == 2 * 1024 * 1024 + rofsSize
// ... and its digest (<digest>true</digest>), computed while the disk was written, is the file's
def raw = descriptor.disks.find { it.format == 'raw' }
assert raw.sha256 == java.security.MessageDigest.getInstance('SHA-256').digest(disk).encodeHex().toString()

// qemu-img is the oracle for the qcow2 image (CI installs qemu-utils)
def qcow2 = new File(basedir, 'target/image-bootable-1.0.qcow2')
def check = ['qemu-img', 'check', '-f', 'qcow2', qcow2.path].execute()
check.waitFor()
assert check.exitValue() == 0 : check.err.text
def compare = ['qemu-img', 'compare', '-f', 'raw', '-F', 'qcow2', img.path, qcow2.path].execute()
def out = compare.text
compare.waitFor()
assert compare.exitValue() == 0 : out
assert out.contains('Images are identical')
return true
