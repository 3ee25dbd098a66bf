def log = new File(basedir, 'build.log').text
assert log.contains("<excludes>: driver 'scsi' is excluded by the user, but virtio_scsi needs it (rule aarch64/base.mk:")
assert log.contains('virtio_scsi is set by profile virtio-pci at aarch64/virtio-pci.mk:')
return true
