import groovy.json.JsonSlurper
import java.nio.ByteBuffer
import java.nio.ByteOrder

def target = new File(basedir, 'target')
def img = new File(target, 'image-zfs-1.0.img')
def json = new JsonSlurper().parse(new File(target, 'image-zfs-1.0.json'))
assert json.filesystem == 'zfs'
assert json.commandLine == '--rootfs=zfs /hello.so'

// partition 2 at byte 512 holds the whole pool (labels 2 and 3 sit at its end), at least 64 MiB
def head = new byte[512]
img.withInputStream { it.read(head) }
def b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN)
assert b.getInt(0x1CE + 8) == 1
long poolBytes = (b.getInt(0x1CE + 12) & 0xffffffffL) * 512
assert poolBytes >= 64L * 1024 * 1024
assert img.length() == 512 + poolBytes

// GRUB's ZFS reader, an implementation independent of ours, reads every file back
def pool = new File(target, 'pool-for-grub.img')
def dd = ['dd', "if=${img}", "of=${pool}", 'bs=512', 'skip=1', 'conv=sparse', 'status=none'].execute()
dd.waitFor()
assert dd.exitValue() == 0 : dd.err.text
['/etc/greeting': 'files/greeting', '/data/big.bin': 'files/big.bin', '/hello.so': 'pom.xml'].each { guest, host ->
    def cmp = ['grub-fstest', pool.path, 'cmp', "/@${guest}", new File(basedir, host).path].execute()
    def out = cmp.text
    cmp.waitFor()
    assert cmp.exitValue() == 0 : "${guest}: ${out}"
}
def ls = ['grub-fstest', pool.path, 'ls', '/@/etc/'].execute()
def listing = ls.text
ls.waitFor()
assert listing.contains('greeting') && listing.contains('mnttab')
pool.delete()
return true
