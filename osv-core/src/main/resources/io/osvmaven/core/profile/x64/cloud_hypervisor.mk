# Drivers profile 'cloud_hypervisor' for x64: Cloud Hypervisor
include conf/profiles/$(arch)/virtio-pci.mk
conf_drivers_pvpanic?=1
