// The header OSv's script writes for x64 with profile base: every driver 0 (osv-formats.md §1.5/§1.7).
def drivers = ['acpi', 'ahci', 'ena', 'hpet', 'hyperv', 'ide', 'mmio', 'nvme', 'pci', 'pvpanic', 'pvscsi',
               'scsi', 'vga', 'virtio', 'virtio_blk', 'virtio_fs', 'virtio_net', 'virtio_rng', 'virtio_scsi',
               'vmxnet3', 'xen']
def text = '/* This file is generated automatically. */\n#ifndef OSV_DRIVERS_CONFIG_H\n#define OSV_DRIVERS_CONFIG_H\n\n' +
    drivers.collect { "#define CONF_drivers_${it} 0\n" }.join('') + '\n#endif\n'
def header = new File(basedir, 'target/osv/gen/include/osv/drivers_config.h')
header.parentFile.mkdirs()
header.text = text
header.setLastModified(1000000000000L)
return true
