import java.nio.ByteBuffer
import java.nio.ByteOrder

// A stand-in for OSv's x64 loader.img (osv-formats.md §5.1): boot sector with the 32 KiB chunk count at
// 0x10, the kernel disk address packet at 0x12, 'VSO' at 0x1B8, 55 AA; command line area at 0x200; a
// 32-bit ELF at 0x10000. 300,000 bytes of kernel, so the partition starts at 2 MiB.
int kernelBytes = 300000
int padded = ((kernelBytes + 32767).intdiv(32768)) * 32768
def b = ByteBuffer.allocate(0x10000 + padded).order(ByteOrder.LITTLE_ENDIAN)
b.put(0, (byte) 0xEA)
b.putShort(0x10, (short) (padded / 32768))
b.put(0x12, (byte) 0x10).putShort(0x14, (short) 0x40).putShort(0x18, (short) 0x8000).putLong(0x1A, 128L)
b.put(0x22, (byte) 0x10).putShort(0x24, (short) 0x3F).putShort(0x26, (short) 0x7E00).putLong(0x2A, 1L)
b.put(0x1B8, (byte) 'V').put(0x1B9, (byte) 'S').put(0x1BA, (byte) 'O')
b.put(0x1FE, (byte) 0x55).put(0x1FF, (byte) 0xAA)
def elf = [0x7F, 'E' as char, 'L' as char, 'F' as char, 1, 1, 1, 0]
elf.eachWithIndex { v, i -> b.put(0x10000 + i, (byte) (v as int)) }
for (int i = 8; i < kernelBytes; i++) {
    b.put(0x10000 + i, (byte) (i * 31))
}
def dir = new File(basedir, 'kernel')
dir.mkdirs()
new File(dir, 'loader.img').bytes = b.array()
return true
