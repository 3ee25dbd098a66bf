# Drivers profile 'vmware' for x64: VMware (ESXi, Workstation)
conf_drivers_pci?=1
conf_drivers_acpi?=1
conf_drivers_scsi?=1
conf_drivers_pvscsi?=1
conf_drivers_vmxnet3?=1
conf_drivers_ide?=1
conf_drivers_pvpanic?=1
conf_drivers_hpet?=1
