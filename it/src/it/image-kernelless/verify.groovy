import groovy.json.JsonSlurper
import java.nio.ByteBuffer
import java.nio.ByteOrder

def target = new File(basedir, 'target')
def img = new File(target, 'image-kernelless-1.0.img')
assert img.isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('No kernel given: the disk is kernel-less')

// MBR: 55 AA, slot 2 (offset 0x1CE) starts at LBA 1 (byte 512) and has system id 0x83
def head = ByteBuffer.wrap(img.bytes[0..<1024] as byte[]).order(ByteOrder.LITTLE_ENDIAN)
assert (head.get(510) & 0xff) == 0x55 && (head.get(511) & 0xff) == 0xAA
assert (head.get(0x1CE + 4) & 0xff) == 0x83
assert head.getInt(0x1CE + 8) == 1
// ROFS superblock at the partition: magic 0xDEADBEAD, version 1, block size 512
assert head.getLong(512) == 0xDEADBEADL && head.getLong(520) == 1 && head.getLong(528) == 512

def json = new JsonSlurper().parse(new File(target, 'image-kernelless-1.0.json'))
assert json.filesystem == 'rofs' && json.bootable == false
assert json.commandLine == '--rootfs=rofs /usr/lib/jvm/java/bin/java -cp /app/image-kernelless-1.0.jar com.example.Hello'
assert json.disks[0].file == 'image-kernelless-1.0.img' && json.disks[0].partitionOffset == 512

def manifest = new File(target, 'osv/usr.manifest').text
assert manifest.contains('/etc/mnttab: ->/proc/mounts')

// osv:inspect read the image back
assert log.contains('f /etc/hosts (20 bytes)')
assert log.contains('f /etc/motd (15 bytes)')
assert log.contains('f /etc/greeting (3 bytes)')
assert log.contains('l /etc/mnttab -> /proc/mounts')
assert log.contains('d /data') && log.contains('d /tmp')
assert log =~ /f \/app\/image-kernelless-1\.0\.jar \(\d+ bytes\)/
assert log.contains('Filesystem structure is sound')
return true
