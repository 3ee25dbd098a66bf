# Drivers profile 'vbox' for x64: VirtualBox
conf_drivers_pci?=1
conf_drivers_acpi?=1
conf_drivers_ahci?=1
conf_drivers_virtio_net?=1
conf_drivers_pvpanic?=1
conf_drivers_hpet?=1
